import { constants, createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { FIXTURES, keyPath, keyText } from './fixtures.js';
import type { PeerKey } from './peers-judge.js';

/** Where the keys this file makes up live for jwt-inspect: files of the fake Io, not on disk. */
const VIRTUAL = '/peers-test/';

/** A key source: jwt-inspect's options, the same key for the peers, and what it may verify (jwt-inspect's default --alg). */
export interface KeySource {
  readonly argv: readonly string[];
  readonly peer: PeerKey;
  readonly algs: readonly string[];
}

const HS = ['HS256', 'HS384', 'HS512'];
const RSA = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const ED = ['EdDSA', 'Ed25519'];
/** The fixture JWKS: its RSA key says "alg": "RS256", which RFC 7517 §4.4 lets a verifier hold it to. */
const FIXTURE_JWKS = ['RS256', 'ES256', 'ES384', 'ES512', ...ED];
const ASYMMETRIC = [...RSA, 'ES256', 'ES384', 'ES512', ...ED];

type Jwk = Record<string, unknown>;
const publicJwk = (key: KeyObject, extra: Jwk): Jwk => ({ ...key.export({ format: 'jwk' }), ...extra });
const readJson = (name: string): Jwk => JSON.parse(keyText(name)) as Jwk;
const pemSource = (name: string, algs: readonly string[]): KeySource => ({ argv: ['--key', keyPath(name)], peer: { pem: keyText(name) }, algs });

// Made-up keys, to sign what the trusted keys did not: a second RSA key is the fixture encryption key, read as a signing key.
const attackerRsa = createPrivateKey(keyText('rsa-enc.key.pem'));
const attacker = {
  rsa: attackerRsa,
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey,
  p521: generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey,
  ed25519: generateKeyPairSync('ed25519').privateKey,
  secret: Buffer.from('not-the-fixture-secret-32-bytes!'),
};

/** RFC 7517 §4.5: kids in a set SHOULD differ; these two sets break that, one with keys of one type, one with two types. */
const SHARED_KID = 'shared';
const rsaJwk = readJson('rsa.jwk.json');
const ec256Jwk = readJson('ec256.jwk.json');
const dupSameType = { keys: [{ ...rsaJwk, kid: SHARED_KID }, publicJwk(createPublicKey(attackerRsa), { kid: SHARED_KID, use: 'sig' })] };
const dupMixed = {
  keys: [
    { ...ec256Jwk, kid: SHARED_KID },
    { ...rsaJwk, kid: SHARED_KID },
  ],
};

/** The fixture RSA key's modulus with a public exponent RFC 8017 §3.1 forbids: 1 (no-op), 2 (even). */
const weakRsa = (e: bigint): Jwk => ({ kty: 'RSA', n: rsaJwk['n'], e: Buffer.from(e.toString(16).padStart(2, '0'), 'hex').toString('base64url') });

const virtualJson: Record<string, Jwk> = {
  'jwks-dup-same-type.json': dupSameType,
  'jwks-dup-mixed.json': dupMixed,
  'rsa-e1.jwk.json': weakRsa(1n),
  'rsa-e2.jwk.json': weakRsa(2n),
};

/** The files of the fake Io: the made-up key sets. */
export const VIRTUAL_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(virtualJson).map(([name, value]) => [`${VIRTUAL}${name}`, JSON.stringify(value)]),
);

const jwksFile = (name: string): KeySource => ({
  argv: ['--jwks', `${VIRTUAL}${name}`],
  peer: { jwks: virtualJson[name] as { keys: Jwk[] } },
  algs: ASYMMETRIC,
});
const jwkFile = (name: string): KeySource => ({ argv: ['--key', `${VIRTUAL}${name}`], peer: { jwk: virtualJson[name]! }, algs: RSA });

export const KEY_SOURCES = {
  secret: { argv: ['--secret-file', keyPath('secret.txt')], peer: { secret: Buffer.from(FIXTURES.secret).toString('base64') }, algs: HS },
  rsa: pemSource('rsa.pub.pem', RSA),
  ec256: pemSource('ec256.pub.pem', ['ES256']),
  ec384: pemSource('ec384.pub.pem', ['ES384']),
  ec521: pemSource('ec521.pub.pem', ['ES512']),
  ed25519: pemSource('ed25519.pub.pem', ED),
  jwks: { argv: ['--jwks', keyPath('jwks.json')], peer: { jwks: readJson('jwks.json') as { keys: Jwk[] } }, algs: FIXTURE_JWKS },
  jwksDupSameType: jwksFile('jwks-dup-same-type.json'),
  jwksDupMixed: jwksFile('jwks-dup-mixed.json'),
  rsaE1: jwkFile('rsa-e1.jwk.json'),
  rsaE2: jwkFile('rsa-e2.jwk.json'),
} satisfies Record<string, KeySource>;

export type KeyName = keyof typeof KEY_SOURCES;

export type SigningKey = Uint8Array | KeyObject;

/** A token to start from: signed by a trusted key, checked against one of its key sources. */
export interface Base {
  readonly alg: string;
  readonly key: KeyName;
  /** The kid the fixture JWKS gives the signing key. */
  readonly kid: string | undefined;
  readonly signer: SigningKey;
  /** A key of the same kind that is not trusted. */
  readonly attacker: SigningKey;
  /** The trusted public key as PEM text, for key confusion (RFC 8725 §2.1); null for a secret. */
  readonly publicPem: string | null;
}

const secretBytes = Buffer.from(FIXTURES.secret);
const privateKey = (name: string): KeyObject => createPrivateKey(keyText(name));
const rsaKey = privateKey('rsa.key.pem');

function asymmetric(alg: string, pemKey: KeyName, stem: string, kid: string, attackerKey: KeyObject): Base[] {
  const signer = stem === 'rsa' ? rsaKey : privateKey(`${stem}.key.pem`);
  const publicPem = keyText(`${stem}.pub.pem`);
  const keys: KeyName[] = FIXTURE_JWKS.includes(alg) ? [pemKey, 'jwks'] : [pemKey];
  return keys.map((key) => ({ alg, key, kid, signer, attacker: attackerKey, publicPem }));
}

/** Every JWS algorithm jwt-inspect verifies, each with its PEM (or secret) and, where its key there allows it, with the fixture JWKS. */
export const BASES: readonly Base[] = [
  ...HS.map((alg) => ({ alg, key: 'secret' as const, kid: undefined, signer: secretBytes, attacker: attacker.secret, publicPem: null })),
  ...RSA.flatMap((alg) => asymmetric(alg, 'rsa', 'rsa', 'rsa-1', attacker.rsa)),
  ...asymmetric('ES256', 'ec256', 'ec256', 'ec-256', attacker.p256),
  ...asymmetric('ES384', 'ec384', 'ec384', 'ec-384', attacker.p384),
  ...asymmetric('ES512', 'ec521', 'ec521', 'ec-521', attacker.p521),
  ...ED.flatMap((alg) => asymmetric(alg, 'ed25519', 'ed25519', 'ed-1', attacker.ed25519)),
];

export const SHARED = { kid: SHARED_KID, first: rsaKey, second: attackerRsa };

export const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** The JWS signature of RFC 7515 §5.1 over the signing input, by RFC 7518 §3 (and RFC 8037 §3.1). */
export function signature(input: string, alg: string, key: SigningKey): string {
  const hash = `sha${alg.slice(2)}`;
  const data = Buffer.from(input);
  if (key instanceof Uint8Array) return b64u(createHmac(hash, key).update(data).digest());
  if (alg.startsWith('RS')) return b64u(sign(hash, data, key));
  if (alg.startsWith('PS')) return b64u(sign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }));
  if (alg.startsWith('ES')) return b64u(sign(hash, data, { key, dsaEncoding: 'ieee-p1363' }));
  return b64u(sign(null, data, key));
}

/** A compact JWS from header and payload segments as they go in the token, signed over exactly those characters. */
export function signSegments(header: string, payload: string, alg: string, key: SigningKey): string {
  return `${header}.${payload}.${signature(`${header}.${payload}`, alg, key)}`;
}

/** A compact JWS of this header (an object, or JSON text kept as it is) and payload text. */
export function jws(header: object | string, payload: string, alg: string, key: SigningKey): string {
  return signSegments(b64u(typeof header === 'string' ? header : JSON.stringify(header)), b64u(payload), alg, key);
}

// RSA with a weak public exponent: a signature anyone can make (e = 1), or one made with the factors (e = 2).

const big = (b64: unknown): bigint => BigInt(`0x${Buffer.from(String(b64), 'base64url').toString('hex')}`);
const RSA_PRIVATE = readJson('rsa.private.jwk.json');
const [N, P, Q] = [big(RSA_PRIVATE['n']), big(RSA_PRIVATE['p']), big(RSA_PRIVATE['q'])];
if (P % 4n !== 3n || Q % 4n !== 3n) throw new Error('squareRoot needs the fixture RSA primes to be 3 mod 4; they no longer are');

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** The fixture modulus is 2048 bits. */
const MODULUS_BYTES = 256;

/** RFC 8017 §9.2: EMSA-PKCS1-v1_5 for SHA-256, as a number. */
function emsaSha256(input: string): bigint {
  const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), createHash('sha256').update(input).digest()]);
  const em = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(MODULUS_BYTES - digestInfo.length - 3, 0xff), Buffer.from([0]), digestInfo]);
  return BigInt(`0x${em.toString('hex')}`);
}

/** A square root of m mod N by the CRT, or null when there is none; with p and q both 3 mod 4, a root mod p is m^((p+1)/4). */
function squareRoot(m: bigint): bigint | null {
  const [rp, rq] = [modPow(m, (P + 1n) / 4n, P), modPow(m, (Q + 1n) / 4n, Q)];
  if ((rp * rp) % P !== m % P || (rq * rq) % Q !== m % Q) return null;
  const qInverse = modPow(Q, P - 2n, P); // Fermat: q^(p-2) = q^-1 mod p
  return rq + Q * (((((rp - rq) % P) + P) * qInverse) % P);
}

/** RFC 8017 §4.1 I2OSP: the signature as exactly as many bytes as the modulus. */
const fixedBytes = (n: bigint): string => b64u(Buffer.from(n.toString(16).padStart(2 * MODULUS_BYTES, '0'), 'hex'));

/**
 * An RS256 token that verifies under the fixture modulus with public exponent e (1 or 2): for e = 1 the
 * signature is the encoded message itself; for e = 2 a square root, so the jti is bumped until one exists.
 */
export function forgeWeakRsa(e: 1 | 2, claims: Record<string, unknown>): string {
  const header = b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  for (let n = 0; ; n++) {
    const payload = b64u(JSON.stringify({ ...claims, jti: `forged-${n}` }));
    const m = emsaSha256(`${header}.${payload}`);
    const s = e === 1 ? m : squareRoot(m);
    if (s !== null && modPow(s, BigInt(e), N) === m) return `${header}.${payload}.${fixedBytes(s)}`;
  }
}
