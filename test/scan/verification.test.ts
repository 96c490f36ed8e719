import { describe, expect, it } from 'vitest';
import { countOutcomes, signatureRejected, verifyOutcome } from '../../src/scan/verification.js';
import type { Verification } from '../../src/verify/result.js';

const failed = (code: string, alg = 'RS256'): Verification => ({ valid: false, alg, key: null, errors: [{ code, message: code, claim: null }], warnings: [] });

describe('verifyOutcome', () => {
  it.each([
    ['valid', { valid: true, alg: 'RS256', key: null, errors: [], warnings: [] }, 'valid'],
    ['not checked (a JWE)', null, 'unverifiable'],
    ['no key with its kid', failed('ERR_JWKS_NO_MATCHING_KEY'), 'unverifiable'],
    ['an alg the key cannot do', failed('ERR_JOSE_ALG_NOT_ALLOWED', 'HS256'), 'unverifiable'],
    ['an alg no tool verifies', failed('ERR_JOSE_NOT_SUPPORTED', 'XS1'), 'unverifiable'],
    ['alg none', failed('ERR_JOSE_ALG_NOT_ALLOWED', 'none'), 'invalid'],
    ['a bad signature', failed('ERR_JWS_SIGNATURE_VERIFICATION_FAILED'), 'invalid'],
    ['expired', failed('ERR_JWT_EXPIRED'), 'invalid'],
  ] as const)('%s is %s', (_what, v, expected) => {
    expect(verifyOutcome(v)).toBe(expected);
  });

  it('counts outcomes, and flags only a rejected signature as failing the scan', () => {
    const all = [null, failed('ERR_JWT_EXPIRED'), failed('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')];
    expect(countOutcomes(all)).toEqual({ valid: 0, invalid: 2, unverifiable: 1 });
    expect(all.map(signatureRejected)).toEqual([false, false, true]);
  });
});
