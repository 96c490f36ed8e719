import type { DecodedToken } from '../../token/decode.js';
import { hmacTarget, secretTester } from './hmac.js';

export interface CrackResult {
  /** The candidate that signs the token, or null. */
  readonly match: string | null;
  /** How many candidates were tried. */
  readonly tries: number;
}

/**
 * Try candidate secrets against an HS* token, in order, in this thread
 * (for the built-in list; big wordlists go to the crack pool). Candidates
 * are fed as UTF-8 bytes; a trailing CR from a CRLF list is dropped.
 */
export function findWeakSecret(token: DecodedToken, candidates: Iterable<string>): CrackResult {
  const target = hmacTarget(token);
  if (target === null) return { match: null, tries: 0 };
  const test = secretTester(target);
  let tries = 0;
  for (const raw of candidates) {
    const candidate = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    tries++;
    if (test(candidate)) return { match: candidate, tries };
  }
  return { match: null, tries };
}

/** RFC 8725 §3.5 and CVE-2019-20933: does the zero-length key sign this token? */
export function signedWithEmptySecret(token: DecodedToken): boolean {
  const target = hmacTarget(token);
  return target !== null && secretTester(target)(new Uint8Array(0));
}
