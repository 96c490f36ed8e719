import type { KeySet } from '../keys/key.js';
import type { ClaimPolicy } from '../verify/claims.js';
import { verifyToken } from '../verify/verify-token.js';
import type { VerifyToken } from './examiner.js';

/** Verifications in flight at most: enough to keep the crypto threads busy, and no more reports waiting in memory. */
const MAX_VERIFYING = 64;

/** Fetch a remote key set again at most once per scan, however many tokens name an unknown kid. */
function refreshOnce(keys: KeySet): KeySet {
  if (keys.refresh === null) return keys;
  const refresh = keys.refresh;
  let refreshed: Promise<KeySet> | null = null;
  return { ...keys, refresh: () => (refreshed ??= refresh()) };
}

/**
 * Run tasks at most `most` at a time, the first one alone: jose imports a
 * key on its first use and keeps it, and verifications started before that
 * one ends would each import it again.
 */
function slowStart(most: number): <T>(task: () => Promise<T>) => Promise<T> {
  let room = 1;
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    while (running >= room) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      room = most;
      for (let free = room - running; free > 0 && waiting.length > 0; free--) waiting.shift()!();
    }
  };
}

/**
 * Verification of each scanned token against one key set, as verify does it
 * (signature, then exp and nbf), many at once. A JWE is left unverified
 * (null): scan does not decrypt.
 */
export function tokenVerifier(keys: KeySet, policy: ClaimPolicy): VerifyToken {
  const shared = refreshOnce(keys);
  const limited = slowStart(MAX_VERIFYING);
  return async (token) => {
    if (token.kind === 'JWE') return null;
    return limited(() => verifyToken(token, { keys: shared, decryptKey: null, algorithms: null, policy }));
  };
}
