import type { KeyMetadata, PublicKey, VerificationKey } from '../keys/key.js';

interface AlgorithmSpec {
  /** The JWK key type the algorithm needs (RFC 7518 §6, RFC 8037 §2). */
  readonly kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  readonly crv?: string;
  readonly family: string;
  /** The hash the algorithm uses (RFC 7518 §3.2 to §3.5); null for EdDSA, whose curve fixes it. */
  readonly hash: 'SHA-256' | 'SHA-384' | 'SHA-512' | null;
}

/**
 * Every JWS algorithm verified here (the ones jose implements on Node):
 * RFC 7518 §3.1, RFC 8037 §3.1 (EdDSA) and RFC 9864 (Ed25519).
 */
export const JWS_ALGORITHMS: Readonly<Record<string, AlgorithmSpec>> = {
  HS256: { kty: 'oct', family: 'HMAC', hash: 'SHA-256' },
  HS384: { kty: 'oct', family: 'HMAC', hash: 'SHA-384' },
  HS512: { kty: 'oct', family: 'HMAC', hash: 'SHA-512' },
  RS256: { kty: 'RSA', family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  RS384: { kty: 'RSA', family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  RS512: { kty: 'RSA', family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  PS256: { kty: 'RSA', family: 'RSASSA-PSS', hash: 'SHA-256' },
  PS384: { kty: 'RSA', family: 'RSASSA-PSS', hash: 'SHA-384' },
  PS512: { kty: 'RSA', family: 'RSASSA-PSS', hash: 'SHA-512' },
  ES256: { kty: 'EC', crv: 'P-256', family: 'ECDSA', hash: 'SHA-256' },
  ES384: { kty: 'EC', crv: 'P-384', family: 'ECDSA', hash: 'SHA-384' },
  ES512: { kty: 'EC', crv: 'P-521', family: 'ECDSA', hash: 'SHA-512' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', family: 'EdDSA', hash: null },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', family: 'EdDSA', hash: null },
};

/** RFC 7518 §3.3 and §3.5: RSA keys below this size must not be used. */
export const MIN_RSA_BITS = 2048;

export function isJwsAlgorithm(alg: string): boolean {
  return Object.hasOwn(JWS_ALGORITHMS, alg);
}

function keyType(key: VerificationKey): string {
  return key.type === 'secret' ? 'oct' : String(key.jwk.kty);
}

/** `an RSA 2048-bit key`, `a 256-bit secret`, `an 8-bit secret` (RSA, EC and OKP all take "an"). */
function described(key: VerificationKey): string {
  if (key.type === 'public') return `an ${key.description} key`;
  return `${/^(?:8|11-|18-)/.test(key.description) ? 'an' : 'a'} ${key.description}`;
}

function curve(key: PublicKey): string | undefined {
  return typeof key.jwk.crv === 'string' ? key.jwk.crv : undefined;
}

/**
 * Why this key may not verify a token of this alg, or null when it may.
 * Choosing the algorithm from the key, never from the token, is what stops
 * algorithm substitution (RFC 8725 §3.1).
 */
export function keyMismatch(key: VerificationKey, alg: string): string | null {
  const spec = isJwsAlgorithm(alg) ? JWS_ALGORITHMS[alg] : undefined;
  if (spec === undefined) return `${alg} is not a JWS algorithm this tool verifies`;
  const kty = keyType(key);
  if (spec.kty === 'oct' && kty !== 'oct') {
    return `key confusion refused: ${alg} is an HMAC algorithm, which needs a shared secret, but the key is ${described(key)}, a public key. A token that passes an HMAC check keyed with a public key could have been made by anyone who has that public key (RFC 8725 §2.1, §3.1).`;
  }
  if (spec.kty !== kty) return `${alg} (${spec.family}) needs ${spec.kty === 'oct' ? 'a secret' : `an ${spec.kty} key`}, but the key is ${described(key)}`;
  if (key.type === 'public' && spec.crv !== undefined && curve(key) !== spec.crv) return `${alg} needs a ${spec.crv} key, but the key is ${described(key)}`;
  if (key.type === 'public' && spec.kty === 'RSA' && (key.bits ?? 0) < MIN_RSA_BITS) return `${alg} needs an RSA key of at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3), but the key has ${key.bits}`;
  // A key anyone could have made a signature for proves nothing, whatever the token says.
  if (key.type === 'public' && key.weakness !== null) return `the key is refused: ${key.weakness}`;
  return metadataMismatch(key, alg, 'sig');
}

/** The `key_ops` (RFC 7517 §4.3) that let a key be used to check a signature, or to open a JWE (decrypt, unwrap or derive the content key). */
const OPERATIONS = { sig: ['verify'], enc: ['decrypt', 'unwrapKey', 'deriveKey', 'deriveBits'] } as const;

/**
 * Why the key's own metadata forbids this use, or null: RFC 7517 §4.2,
 * §4.3 and §4.4, enforced alike for signatures and decryption.
 */
export function metadataMismatch(key: KeyMetadata, alg: string, use: 'sig' | 'enc'): string | null {
  if (key.alg !== null && key.alg !== alg) return `the key is for ${key.alg} only (its "alg"), not ${alg}`;
  if (key.use !== null && key.use !== use) return `the key is for "${key.use}" (its "use"), not ${use === 'sig' ? 'signatures' : 'encryption'}`;
  const allowed: readonly string[] = OPERATIONS[use];
  if (key.keyOps !== null && !key.keyOps.some((op) => allowed.includes(op))) return `the key's "key_ops" include none of ${allowed.join(', ')}`;
  return null;
}

/**
 * The bytes an HMAC key needs for this alg, the size of its hash (RFC 7518
 * §3.2: a shorter key MUST NOT be used); null for other algorithms.
 */
export function hmacKeyBytesNeeded(alg: string): number | null {
  const spec = isJwsAlgorithm(alg) ? JWS_ALGORITHMS[alg]! : undefined;
  return spec?.kty === 'oct' && spec.hash !== null ? Number(spec.hash.slice(4)) / 8 : null;
}

/** The algorithms this key can verify: the default for `--alg`. */
export function algorithmsFor(key: VerificationKey): string[] {
  return Object.keys(JWS_ALGORITHMS).filter((alg) => keyMismatch(key, alg) === null);
}
