/**
 * The JOSE algorithm registry as one table, in the shape of jose's own
 * (lib/jws_algorithms.js, lib/jwe_algorithms.js): what verify, sign, audit
 * and jwks know of an `alg` or `enc` comes from here. Plain data and tiny
 * functions only: the rules that decode runs read it at start-up.
 */

export type KeyType = 'oct' | 'RSA' | 'EC' | 'OKP';
export type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface JwsAlgorithm {
  readonly alg: string;
  /** The JWK key type the algorithm needs (RFC 7518 §6, RFC 8037 §2). */
  readonly kty: KeyType;
  /** The curve of the key; null when the key type has none. */
  readonly crv: string | null;
  readonly family: 'HMAC' | 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA' | 'EdDSA';
  /** The hash the algorithm uses (RFC 7518 §3.2 to §3.5); null for EdDSA, whose curve fixes it. */
  readonly hash: Hash | null;
  /** The sizes a signature can have; `modulus` for RSA, whose signature is as long as the key's modulus (RFC 8017 §8.1.1, §8.2.1). */
  readonly signatureBytes: readonly number[] | 'modulus';
  /** The shortest HMAC key: the size of the hash (RFC 7518 §3.2: a shorter key MUST NOT be used); null for the others. */
  readonly minSecretBytes: number | null;
  /** jose verifies it on Node 20. */
  readonly verifiable: boolean;
  /** jose signs with it on Node 20. */
  readonly signable: boolean;
}

/** RFC 7518 §3.3 and §3.5: RSA keys below this size must not be used. */
export const MIN_RSA_BITS = 2048;

type Support = Pick<JwsAlgorithm, 'verifiable' | 'signable'>;
const JOSE: Support = { verifiable: true, signable: true };
/** Registered, but jose has no implementation of it on Node 20 (no secp256k1 or Ed448 in WebCrypto). */
const REGISTERED_ONLY: Support = { verifiable: false, signable: false };

type Entry = Omit<JwsAlgorithm, 'alg'>;

/** HS256/384/512 (RFC 7518 §3.2): the MAC is as long as the hash, and so must the key be. */
function hmac(bits: 256 | 384 | 512): Entry {
  return { kty: 'oct', crv: null, family: 'HMAC', hash: `SHA-${bits}`, signatureBytes: [bits / 8], minSecretBytes: bits / 8, ...JOSE };
}

/** RS* (RFC 7518 §3.3) and PS* (§3.5). */
function rsa(family: 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS', bits: 256 | 384 | 512): Entry {
  return { kty: 'RSA', crv: null, family, hash: `SHA-${bits}`, signatureBytes: 'modulus', minSecretBytes: null, ...JOSE };
}

/** ES* (RFC 7518 §3.4, RFC 8812 §3.1 for ES256K): the signature is R‖S, each as long as the group order. */
function ecdsa(crv: string, bits: 256 | 384 | 512, signatureBytes: number, support: Support): Entry {
  return { kty: 'EC', crv, family: 'ECDSA', hash: `SHA-${bits}`, signatureBytes: [signatureBytes], minSecretBytes: null, ...support };
}

/** EdDSA (RFC 8037 §3.1), Ed25519 and Ed448 (RFC 9864): 64- and 114-byte signatures (RFC 8032 §5.1.6, §5.2.6). */
function eddsa(crv: string, signatureBytes: readonly number[], support: Support): Entry {
  return { kty: 'OKP', crv, family: 'EdDSA', hash: null, signatureBytes, minSecretBytes: null, ...support };
}

function table<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T & { readonly alg: string }>> {
  return Object.fromEntries(Object.entries(entries).map(([alg, entry]) => [alg, { ...entry, alg }]));
}

/**
 * Every registered JWS `alg` (RFC 7518 §3.1, RFC 8037 §3.1, RFC 8812 §3.1,
 * RFC 9864); a name not here is not in the IANA registry. `none` (§3.6) is
 * left out on purpose: it signs nothing, and the alg-none rule judges it.
 */
export const JWS_ALGORITHMS = table<Entry>({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa('RSASSA-PKCS1-v1_5', 256),
  RS384: rsa('RSASSA-PKCS1-v1_5', 384),
  RS512: rsa('RSASSA-PKCS1-v1_5', 512),
  PS256: rsa('RSASSA-PSS', 256),
  PS384: rsa('RSASSA-PSS', 384),
  PS512: rsa('RSASSA-PSS', 512),
  ES256: ecdsa('P-256', 256, 64, JOSE),
  ES384: ecdsa('P-384', 384, 96, JOSE),
  ES512: ecdsa('P-521', 512, 132, JOSE),
  ES256K: ecdsa('secp256k1', 256, 64, REGISTERED_ONLY),
  // RFC 8037 lets EdDSA name Ed448 too, so a token may carry either size; jose takes only Ed25519 keys for it.
  EdDSA: eddsa('Ed25519', [64, 114], JOSE),
  Ed25519: eddsa('Ed25519', [64], JOSE),
  Ed448: eddsa('Ed448', [114], REGISTERED_ONLY),
});

/** The registry entry of a JWS `alg`, or undefined for a name not registered (`toString` included). */
export function jwsAlgorithm(alg: string | undefined): JwsAlgorithm | undefined {
  return alg !== undefined && Object.hasOwn(JWS_ALGORITHMS, alg) ? JWS_ALGORITHMS[alg] : undefined;
}

export function isHmacAlg(alg: string | undefined): alg is string {
  return jwsAlgorithm(alg)?.family === 'HMAC';
}

/** The smallest secret the algorithm should get, in bytes (RFC 7518 §3.2); null for the other algorithms. */
export function minimumSecretBytes(alg: string | undefined): number | null {
  return jwsAlgorithm(alg)?.minSecretBytes ?? null;
}

export interface JweAlgorithm {
  readonly alg: string;
  /** How the content key reaches the recipient: the Key Management Modes of RFC 7516 §2. */
  readonly mode: 'key-encryption' | 'key-wrapping' | 'direct-key-agreement' | 'key-agreement-with-key-wrapping' | 'direct-encryption';
  /** Both sides hold one symmetric key (RFC 7518 §4.4, §4.5, §4.7, §4.8), so only a holder of it can make the JWE; with a public key anyone can. */
  readonly secret: boolean;
}

const keyEncryption = { mode: 'key-encryption', secret: false } as const;
const keyWrapping = { mode: 'key-wrapping', secret: true } as const;
const keyAgreementWithKeyWrapping = { mode: 'key-agreement-with-key-wrapping', secret: false } as const;

/** Every registered JWE key-management `alg` (RFC 7518 §4.1; RSA-OAEP-384 and -512 from the IANA registry). */
export const JWE_ALGORITHMS = table<Omit<JweAlgorithm, 'alg'>>({
  RSA1_5: keyEncryption,
  'RSA-OAEP': keyEncryption,
  'RSA-OAEP-256': keyEncryption,
  'RSA-OAEP-384': keyEncryption,
  'RSA-OAEP-512': keyEncryption,
  A128KW: keyWrapping,
  A192KW: keyWrapping,
  A256KW: keyWrapping,
  dir: { mode: 'direct-encryption', secret: true },
  'ECDH-ES': { mode: 'direct-key-agreement', secret: false },
  'ECDH-ES+A128KW': keyAgreementWithKeyWrapping,
  'ECDH-ES+A192KW': keyAgreementWithKeyWrapping,
  'ECDH-ES+A256KW': keyAgreementWithKeyWrapping,
  A128GCMKW: keyWrapping,
  A192GCMKW: keyWrapping,
  A256GCMKW: keyWrapping,
  'PBES2-HS256+A128KW': keyWrapping,
  'PBES2-HS384+A192KW': keyWrapping,
  'PBES2-HS512+A256KW': keyWrapping,
});

export function jweAlgorithm(alg: string | undefined): JweAlgorithm | undefined {
  return alg !== undefined && Object.hasOwn(JWE_ALGORITHMS, alg) ? JWE_ALGORITHMS[alg] : undefined;
}

/** Every registered JWE content-encryption `enc` (RFC 7518 §5.1). */
const JWE_ENCRYPTIONS: ReadonlySet<string> = new Set(['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM']);

export function isJweEncryption(enc: string): boolean {
  return JWE_ENCRYPTIONS.has(enc);
}
