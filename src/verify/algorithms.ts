import type { PublicKey, VerificationKey } from '../keys/key.js';

interface AlgorithmSpec {
  /** The JWK key type the algorithm needs (RFC 7518 §6, RFC 8037 §2). */
  readonly kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  readonly crv?: string;
  readonly family: string;
}

/**
 * Every JWS algorithm verified here (the ones jose implements on Node):
 * RFC 7518 §3.1, RFC 8037 §3.1 (EdDSA) and RFC 9864 (Ed25519).
 */
export const JWS_ALGORITHMS: Readonly<Record<string, AlgorithmSpec>> = {
  HS256: { kty: 'oct', family: 'HMAC' },
  HS384: { kty: 'oct', family: 'HMAC' },
  HS512: { kty: 'oct', family: 'HMAC' },
  RS256: { kty: 'RSA', family: 'RSASSA-PKCS1-v1_5' },
  RS384: { kty: 'RSA', family: 'RSASSA-PKCS1-v1_5' },
  RS512: { kty: 'RSA', family: 'RSASSA-PKCS1-v1_5' },
  PS256: { kty: 'RSA', family: 'RSASSA-PSS' },
  PS384: { kty: 'RSA', family: 'RSASSA-PSS' },
  PS512: { kty: 'RSA', family: 'RSASSA-PSS' },
  ES256: { kty: 'EC', crv: 'P-256', family: 'ECDSA' },
  ES384: { kty: 'EC', crv: 'P-384', family: 'ECDSA' },
  ES512: { kty: 'EC', crv: 'P-521', family: 'ECDSA' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', family: 'EdDSA' },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', family: 'EdDSA' },
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
  // RFC 7517 §4.2, §4.3, §4.4: the key's own metadata restricts what it may do.
  if (key.alg !== null && key.alg !== alg) return `the key is for ${key.alg} only (its "alg"), not ${alg}`;
  if (key.use !== null && key.use !== 'sig') return `the key is for "${key.use}" (its "use"), not signatures`;
  if (key.keyOps !== null && !key.keyOps.includes('verify')) return `the key's "key_ops" do not include "verify"`;
  return null;
}

/** The algorithms this key can verify: the default for `--alg`. */
export function algorithmsFor(key: VerificationKey): string[] {
  return Object.keys(JWS_ALGORITHMS).filter((alg) => keyMismatch(key, alg) === null);
}
