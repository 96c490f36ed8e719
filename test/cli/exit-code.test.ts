import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/audit/rule.js';
import type { CheckResult } from '../../src/claims/checks.js';
import { exitCodeFor, NO_INPUT, type Outcome } from '../../src/cli/exit-code.js';
import { InspectError } from '../../src/errors.js';
import type { Verification } from '../../src/verify/result.js';

const finding = (severity: Severity): Finding => ({ id: 'x', severity, category: 'lifetime', title: 'x', path: null, evidence: null, note: null, advice: 'x' });
const check = (pass: boolean): CheckResult => ({ expr: 'sub=1', pass });
const verdict = (valid: boolean, weak = false): Verification => ({
  valid,
  alg: 'HS256',
  key: null,
  errors: valid ? [] : [{ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', message: 'signature verification failed', claim: null }],
  warnings: weak ? [{ code: 'weak-key', message: 'the secret is 8 bytes' }] : [],
});

describe('exitCodeFor (docs/output.md "Exit codes")', () => {
  it.each<[string, number, Outcome]>([
    ['no input: help shown', 2, NO_INPUT],
    ['decode, no checks', 0, { command: 'decode', checks: [], claimMissing: false }],
    ['decode, a check failed', 1, { command: 'decode', checks: [check(true), check(false)], claimMissing: false }],
    ['decode --claim absent', 1, { command: 'decode', checks: [], claimMissing: true }],
    ['verify, valid', 0, { command: 'verify', verification: verdict(true), checks: [check(true)], failOnWeakKey: false }],
    ['verify, invalid', 1, { command: 'verify', verification: verdict(false), checks: [], failOnWeakKey: false }],
    ['verify, valid but a check failed', 1, { command: 'verify', verification: verdict(true), checks: [check(false)], failOnWeakKey: false }],
    ['verify, a weak key', 0, { command: 'verify', verification: verdict(true, true), checks: [], failOnWeakKey: false }],
    ['verify --fail-on-weak-key, a weak key', 1, { command: 'verify', verification: verdict(true, true), checks: [], failOnWeakKey: true }],
    ['audit, below --fail-on', 0, { command: 'audit', findings: [finding('medium')], failOn: 'high', interrupted: false }],
    ['audit, at --fail-on', 1, { command: 'audit', findings: [finding('high')], failOn: 'high', interrupted: false }],
    ['audit --fail-on none', 0, { command: 'audit', findings: [finding('critical')], failOn: 'none', interrupted: false }],
    ['audit interrupted, whatever was found', 130, { command: 'audit', findings: [finding('critical')], failOn: 'high', interrupted: true }],
    ['audit, no token in the input', 3, { command: 'audit-undecodable', error: new InspectError('ERR_NO_TOKEN', 'no token') }],
    ['diff, the same', 0, { command: 'diff', same: true }],
    ['diff, different', 1, { command: 'diff', same: false }],
    ['jwks, below --fail-on', 0, { command: 'jwks', findings: [finding('low')], failOn: 'medium' }],
    ['jwks, at --fail-on', 1, { command: 'jwks', findings: [finding('medium')], failOn: 'medium' }],
    [
      'scan, nothing at --fail-on',
      0,
      { command: 'scan', findings: [finding('low')], failOn: 'high', signatureRejected: false, interrupted: false, outputClosed: false },
    ],
    [
      'scan, a finding at --fail-on',
      1,
      {
        ...{ command: 'scan', findings: [finding('low')], failOn: 'high', signatureRejected: false, interrupted: false, outputClosed: false },
        findings: [finding('high')],
      },
    ],
    [
      'scan, a signature a fitting key rejects',
      1,
      {
        ...{ command: 'scan', findings: [finding('low')], failOn: 'high', signatureRejected: false, interrupted: false, outputClosed: false },
        signatureRejected: true,
      },
    ],
    [
      'scan, Ctrl-C',
      130,
      {
        ...{ command: 'scan', findings: [finding('low')], failOn: 'high', signatureRejected: false, interrupted: false, outputClosed: false },
        signatureRejected: true,
        interrupted: true,
      },
    ],
    [
      'scan, the reader went away',
      0,
      {
        ...{ command: 'scan', findings: [finding('low')], failOn: 'high', signatureRejected: false, interrupted: false, outputClosed: false },
        signatureRejected: true,
        outputClosed: true,
      },
    ],
    ['sign', 0, { command: 'sign' }],
    ['completion', 0, { command: 'completion' }],
  ])('%s: exit %i', (_name, code, outcome) => {
    expect(exitCodeFor(outcome)).toBe(code);
  });
});
