import type { KeySet } from '../keys/key.js';
import type { InspectReport } from '../report/inspect.js';
import type { ClaimPolicy } from '../verify/claims.js';
import type { Verification } from '../verify/result.js';
import { verifyReport } from '../verify/verify-report.js';

/** Fetch a remote key set again at most once per scan, however many tokens name an unknown kid. */
function refreshOnce(keys: KeySet): KeySet {
  if (keys.refresh === null) return keys;
  const refresh = keys.refresh;
  let refreshed: Promise<KeySet> | null = null;
  return { ...keys, refresh: () => (refreshed ??= refresh()) };
}

/**
 * Verification of each scanned token against one key set, as verify does it
 * (signature, then exp and nbf). A JWE is left unverified (null): scan does
 * not decrypt.
 */
export function tokenVerifier(keys: KeySet, policy: ClaimPolicy): (report: InspectReport) => Promise<Verification | null> {
  const shared = refreshOnce(keys);
  return async (report) => {
    if (report.token.kind === 'JWE') return null;
    return (await verifyReport({ report, keys: shared, decryptKey: null, algorithms: null, policy })).verification;
  };
}
