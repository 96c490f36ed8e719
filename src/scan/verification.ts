import type { Verification } from '../verify/result.js';

/**
 * How a scanned token fared against the key given: `unverifiable` when no
 * key fits it (another issuer's kid or algorithm, a JWE, which scan does not
 * decrypt), `invalid` when a key fits and the token fails (signature or
 * time), else `valid`.
 */
export type VerifyOutcome = 'valid' | 'invalid' | 'unverifiable';

const NO_FITTING_KEY = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JOSE_NOT_SUPPORTED']);

export function verifyOutcome(v: Verification | null): VerifyOutcome {
  if (v === null) return 'unverifiable';
  if (v.valid) return 'valid';
  const code = v.errors[0]?.code ?? '';
  // The key cannot do the token's alg; `none` is different: nothing ever verifies it.
  const keyMismatch = code === 'ERR_JOSE_ALG_NOT_ALLOWED' && v.alg !== null && v.alg.toLowerCase() !== 'none';
  return NO_FITTING_KEY.has(code) || keyMismatch ? 'unverifiable' : 'invalid';
}

/** A key that fits the token says its signature is wrong: forged or tampered with. Fails the scan (exit 1). */
export function signatureRejected(v: Verification | null): boolean {
  return v?.errors.some((e) => e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') ?? false;
}

export function countOutcomes(verifications: ReadonlyArray<Verification | null>): Record<VerifyOutcome, number> {
  const counts: Record<VerifyOutcome, number> = { valid: 0, invalid: 0, unverifiable: 0 };
  for (const v of verifications) counts[verifyOutcome(v)]++;
  return counts;
}
