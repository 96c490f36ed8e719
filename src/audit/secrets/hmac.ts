import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { jwsAlgorithm } from '../../jose/algorithms.js';
import type { DecodedToken } from '../../token/decode.js';

/** What a secret guess is checked against: plain data, so it can be posted to a worker thread. */
export interface HmacTarget {
  /** `sha256`, `sha384` or `sha512` (RFC 7518 §3.2). */
  readonly hash: string;
  /** ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), RFC 7515 §5.1 step 5. */
  readonly signingInput: Uint8Array;
  readonly signature: Uint8Array;
}

/** The HMAC target of an HS256/384/512 token with a signature, else null. */
export function hmacTarget(token: DecodedToken): HmacTarget | null {
  const spec = jwsAlgorithm(token.alg);
  if (token.kind !== 'JWS' || spec?.family !== 'HMAC' || token.signature === null || token.signature.length === 0) return null;
  const [header, payload] = token.segments;
  return {
    // node:crypto's name for the hash: SHA-256 is sha256.
    hash: spec.hash!.replace('SHA-', 'sha'),
    signingInput: Buffer.from(`${header!.raw}.${payload!.raw}`, 'ascii'),
    signature: token.signature,
  };
}

/**
 * A tester for one target: HMAC over the precomputed signing input and a
 * constant-time compare. About 10× faster than a jose verify per guess
 * (docs/audit.md "Rules that need a key, a secret or a wordlist").
 */
export function secretTester(target: HmacTarget): (secret: string | Uint8Array) => boolean {
  const signingInput = Buffer.from(target.signingInput);
  const signature = Buffer.from(target.signature);
  return (secret) => {
    const mac = createHmac(target.hash, secret).update(signingInput).digest();
    return mac.length === signature.length && timingSafeEqual(mac, signature);
  };
}
