import { Buffer } from 'node:buffer';
import { compactVerify } from 'jose/jws/compact/verify';
import { JOSEError } from 'jose/errors';
import { webcrypto } from 'node:crypto';
import { jwsAlgorithm, minimumSecretBytes } from '../jose/algorithms.js';
import type { KeySet, SecretKey, VerificationKey } from '../keys/key.js';
import { member, stringMember, type JsonObject } from '../token/json.js';
import { isJwsAlgorithm, keyMismatch } from './algorithms.js';
import type { TriedKey, VerificationError } from './result.js';

export interface SignatureCheck {
  /** null when the signature verified. */
  readonly error: VerificationError | null;
  /** The key that verified it, or the one key that was tried; null when none or several were. */
  readonly key: TriedKey | null;
  /** What is wrong with a key that did verify it (an HMAC secret shorter than its hash); null when nothing is. */
  readonly weakKey: string | null;
}

/**
 * RFC 7518 §3.2: an HMAC key shorter than the hash MUST NOT be used. It is
 * still checked, since people debug tokens signed with `secret`, but the
 * verdict says what the key is worth.
 */
function weakKey(key: VerificationKey, alg: string): string | null {
  const needed = minimumSecretBytes(alg);
  if (key.type !== 'secret' || needed === null || key.bytes.byteLength >= needed) return null;
  const bytes = key.bytes.byteLength;
  // Under 128 bits even a random secret is within reach of a search; longer ones are short of the RFC, not of safety.
  const risk = bytes < 16 ? 'anyone can brute-force it offline from one token' : 'verifiers that follow the RFC refuse it';
  return `the key is only ${bytes} byte${bytes === 1 ? '' : 's'}, where ${alg} needs at least ${needed} (RFC 7518 §3.2): ${risk}`;
}

function triedKey(keys: KeySet, key: VerificationKey): TriedKey {
  return { source: keys.source, kid: key.kid, thumbprint: key.type === 'public' ? key.thumbprint : null, description: key.description };
}

/** The kids and algs of a key set, for the message that says no key fits. */
function keysOnOffer(keys: KeySet): string {
  return keys.keys.map((k) => `${k.kid === null ? '(no kid)' : JSON.stringify(k.kid)} (${k.alg ?? 'any alg'}, ${k.description})`).join(', ');
}

/** The keys a token is checked against. RFC 7515 §4.1.4: in a set, the kid picks the key; without one, every key is a candidate. */
export function candidateKeys(keys: KeySet, kid: string | undefined): readonly VerificationKey[] {
  return keys.byKid && kid !== undefined ? keys.keys.filter((k) => k.kid === kid) : keys.keys;
}

/** HMAC secrets as CryptoKeys, by alg. */
const hmacKeys = new WeakMap<SecretKey, Map<string, Promise<webcrypto.CryptoKey>>>();

/**
 * The secret as the CryptoKey jose would import for an HS* alg, imported
 * once: given the bytes, jose imports them again for every token, and a
 * scan verifies thousands. jose still checks the key against the alg.
 */
function hmacKey(key: SecretKey, alg: string): Promise<webcrypto.CryptoKey> {
  let byAlg = hmacKeys.get(key);
  if (byAlg === undefined) hmacKeys.set(key, (byAlg = new Map()));
  let imported = byAlg.get(alg);
  if (imported === undefined) {
    imported = webcrypto.subtle.importKey('raw', key.bytes, { name: 'HMAC', hash: jwsAlgorithm(alg)!.hash! }, false, ['verify']);
    byAlg.set(alg, imported);
  }
  return imported;
}

const fail = (code: string, message: string, key: TriedKey | null = null): SignatureCheck => ({ error: { code, message, claim: null }, key, weakKey: null });

/** Two entries of a set for one key (the same JWK listed twice) are one candidate, not an ambiguity. */
function sameKey(a: VerificationKey, b: VerificationKey): boolean {
  if (a.type === 'public') return b.type === 'public' && a.thumbprint === b.thumbprint;
  return b.type === 'secret' && Buffer.from(a.bytes).equals(b.bytes);
}

function distinct(keys: readonly VerificationKey[]): VerificationKey[] {
  return keys.filter((key, i) => keys.findIndex((other) => sameKey(key, other)) === i);
}

/**
 * Why the header cannot be checked as a JWT's, before any key is tried;
 * null when it can. These are refused rather than tried key after key.
 */
function headerProblem(header: JsonObject): SignatureCheck | null {
  // RFC 7797 §7: a JWT never uses an unencoded payload; the claims shown would not be the bytes signed.
  const b64 = member(header, 'b64');
  if (b64 !== undefined && !(b64.type === 'boolean' && b64.value)) {
    return fail(
      'ERR_JWT_INVALID',
      '"b64": false (an unencoded payload, RFC 7797) is never used by a JWT (RFC 7797 §7); the claims decoded would not be what was signed',
    );
  }
  // RFC 7515 §4.1.4: kid is a string; any other value cannot pick a key, and trying them all would let the token choose.
  const kid = member(header, 'kid');
  if (kid !== undefined && kid.type !== 'string') return fail('ERR_JWS_INVALID', `"kid" must be a string (RFC 7515 §4.1.4), not a JSON ${kid.type}`);
  return null;
}

/**
 * Check a compact JWS against the key set: the algorithm is decided by the
 * key and `allowed`, never by the token alone; a key the token names in its
 * own header (`jwk`, `x5c`, `jku`, `x5u`) is never looked at.
 */
export async function checkSignature(compact: string, header: JsonObject, given: KeySet, allowed: readonly string[] | null): Promise<SignatureCheck> {
  const alg = stringMember(header, 'alg');
  if (alg === undefined) return fail('ERR_JWS_INVALID', 'JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (alg.toLowerCase() === 'none') {
    return fail('ERR_JOSE_ALG_NOT_ALLOWED', 'alg "none": an unsecured JWT has no signature, so it never verifies (RFC 7518 §3.6, RFC 8725 §3.2)');
  }
  if (!isJwsAlgorithm(alg)) return fail('ERR_JOSE_NOT_SUPPORTED', `alg ${JSON.stringify(alg)} is not a JWS algorithm this tool verifies`);
  if (allowed !== null && !allowed.includes(alg)) {
    return fail('ERR_JOSE_ALG_NOT_ALLOWED', `"alg" (Algorithm) Header Parameter value not allowed: ${alg} is not among --alg ${allowed.join(',')}`);
  }
  const refused = headerProblem(header);
  if (refused !== null) return refused;
  const kid = stringMember(header, 'kid');
  let keys = given;
  let found = candidateKeys(keys, kid);
  if (found.length === 0 && keys.refresh !== null) {
    keys = await keys.refresh();
    found = candidateKeys(keys, kid);
  }
  if (found.length === 0) return fail('ERR_JWKS_NO_MATCHING_KEY', `no key with kid ${JSON.stringify(kid)} in ${keys.origin}; on offer: ${keysOnOffer(keys)}`);

  const fitting = distinct(found.filter((k) => keyMismatch(k, alg) === null));
  if (keys.byKid && kid !== undefined && fitting.length > 1) {
    // RFC 7517 §4.5: the kid picks one key. Trying each until one fits would let a planted key win.
    return fail(
      'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
      `ambiguous: ${fitting.length} keys in ${keys.origin} have kid ${JSON.stringify(kid)} and can verify ${alg}; a key set must give each key its own kid`,
    );
  }
  if (fitting.length === 0) {
    const only = found.length === 1 ? found[0]! : null;
    if (!keys.byKid && only !== null) return fail('ERR_JOSE_ALG_NOT_ALLOWED', keyMismatch(only, alg)!, triedKey(keys, only));
    const why = only !== null ? keyMismatch(only, alg)! : `on offer: ${keysOnOffer(keys)}`;
    return fail('ERR_JWKS_NO_MATCHING_KEY', `no key in ${keys.origin}${kid === undefined ? '' : ` with kid ${JSON.stringify(kid)}`} can verify ${alg}: ${why}`);
  }
  let last: SignatureCheck | null = null;
  for (const key of fitting) {
    try {
      await compactVerify(compact, key.type === 'secret' ? await hmacKey(key, alg) : key.jwk, { algorithms: [alg] });
      return { error: null, key: triedKey(keys, key), weakKey: weakKey(key, alg) };
    } catch (error) {
      if (!(error instanceof JOSEError)) throw error;
      last = fail(error.code, error.message, fitting.length === 1 ? triedKey(keys, key) : null);
      // Only a wrong signature is worth another key; a malformed token is malformed for all of them.
      if (error.code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return last;
    }
  }
  if (fitting.length === 1) return last!;
  return fail(
    'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    `signature verification failed with each of the ${fitting.length} keys that can verify ${alg}: ${fitting.map((k) => k.kid ?? '(no kid)').join(', ')}`,
  );
}
