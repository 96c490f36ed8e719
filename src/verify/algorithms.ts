import { jwsAlgorithm, MIN_RSA_BITS } from '../jose/algorithms.js';
import type { KeyMetadata, PublicKey, VerificationKey } from '../keys/key.js';

/** An alg this tool verifies: a registered one jose verifies on Node 20. */
export function isJwsAlgorithm(alg: string): boolean {
  return jwsAlgorithm(alg)?.verifiable === true;
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
  const spec = jwsAlgorithm(alg);
  if (spec === undefined || !spec.verifiable) return `${alg} is not a JWS algorithm this tool verifies`;
  const kty = keyType(key);
  if (spec.kty === 'oct' && kty !== 'oct') {
    return `key confusion refused: ${alg} is an HMAC algorithm, which needs a shared secret, but the key is ${described(key)}, a public key. A token that passes an HMAC check keyed with a public key could have been made by anyone who has that public key (RFC 8725 §2.1, §3.1).`;
  }
  if (spec.kty !== kty) return `${alg} (${spec.family}) needs ${spec.kty === 'oct' ? 'a secret' : `an ${spec.kty} key`}, but the key is ${described(key)}`;
  if (key.type === 'public' && spec.crv !== null && curve(key) !== spec.crv) return `${alg} needs a ${spec.crv} key, but the key is ${described(key)}`;
  if (key.type === 'public' && spec.kty === 'RSA' && (key.bits ?? 0) < MIN_RSA_BITS)
    return `${alg} needs an RSA key of at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3), but the key has ${key.bits}`;
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
