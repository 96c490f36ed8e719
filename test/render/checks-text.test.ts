import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { runChecks, type CheckOptions } from '../../src/cli/check-options.js';
import type { CheckResult } from '../../src/claims/checks.js';
import { parseExpectation } from '../../src/claims/expect.js';
import { failedChecksText } from '../../src/render/checks-text.js';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;

const NOW = 1_700_000_000;

/** The checks decode and verify run for these options, on a token as decode reads it. */
function checksOf(compact: string, options: { expect?: string[]; fresh?: boolean; maxTtl?: number }): CheckResult[] {
  const report = buildReport(decodeToken(compact), { token: compact, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now: NOW, leeway: 0 });
  const o: CheckOptions = { ...options, expect: options.expect?.map(parseExpectation) };
  return runChecks(report, o, NOW);
}

const EXPIRED = jws({ alg: 'HS256' }, { sub: 'bob', scope: 'read', iat: NOW - 7200, exp: NOW - 60 });

describe('failedChecksText', () => {
  it('writes one stderr line per failed check, naming the expression and why, and nothing for those that passed', () => {
    const checks = checksOf(EXPIRED, { expect: ['sub=alice', '!debug', 'scope~=write', 'sub', 'missing=1', 'iat<now'], fresh: true, maxTtl: 900 });
    expect(failedChecksText(checks)).toBe(
      [
        'jwt-inspect: check failed: sub=alice: payload.sub is "bob", expected "alice"\n',
        'jwt-inspect: check failed: scope~=write: payload.scope is "read", which does not contain "write"\n',
        'jwt-inspect: check failed: missing=1: payload.missing is absent, expected 1\n',
        'jwt-inspect: check failed: --fresh: the token expired 1 minute ago\n',
        'jwt-inspect: check failed: --max-ttl 15m: the token lives 1 hour, over the 15 minutes allowed\n',
      ].join(''),
    );
  });

  it('is empty when there are no checks, or every check passed', () => {
    expect(failedChecksText([])).toBe('');
    expect(failedChecksText(checksOf(EXPIRED, { expect: ['sub=bob', '!debug', 'scope~=read'], maxTtl: 7200 }))).toBe('');
  });

  it('says why a check on a missing claim failed', () => {
    expect(failedChecksText(checksOf(jws({ alg: 'HS256' }, {}), { maxTtl: 900 }))).toBe(
      'jwt-inspect: check failed: --max-ttl 15m: the token has no exp, so its lifetime is unbounded\n',
    );
  });

  it('escapes ANSI escapes and bidi overrides that the token puts in the message, and those of the expression', () => {
    const hostile = jws({ alg: 'HS256' }, { sub: 'bob\u001b[2J', role: 'ad\u202emin' });
    expect(failedChecksText(checksOf(hostile, { expect: ['sub=alice', 'role=admin', 'role=ad\u202emin\u0007'] }))).toBe(
      [
        String.raw`jwt-inspect: check failed: sub=alice: payload.sub is "bob\u001b[2J", expected "alice"`,
        String.raw`jwt-inspect: check failed: role=admin: payload.role is "ad\u202emin", expected "admin"`,
        String.raw`jwt-inspect: check failed: role=ad\u202emin\u0007: payload.role is "ad\u202emin", expected "ad\u202emin\u0007"`,
        '',
      ].join('\n'),
    );
  });

  it('falls back to what was expected when a failed check gives no message', () => {
    const checks: CheckResult[] = [
      { expr: 'a=1', pass: false, expected: '1\u001b[2J' },
      { expr: 'b', pass: false },
    ];
    expect(failedChecksText(checks)).toBe(
      String.raw`jwt-inspect: check failed: a=1: expected 1\u001b[2J` + '\njwt-inspect: check failed: b: expected to pass\n',
    );
  });
});
