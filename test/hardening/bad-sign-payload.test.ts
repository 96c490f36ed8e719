import { decode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { runBin, type BinResult } from '../e2e/run-bin.js';
import {
  DEEP_ARRAYS,
  expectOneLineError,
  hundredMegabytes,
  INVALID_BASE64URL,
  INVALID_UTF8,
  MILLION_CLAIMS,
  NOW,
  PROTO_AND_HUGE_NUMBER,
  TEN_MB_CLAIMS,
} from './hostile-shapes.js';

/** sign with a hostile payload on stdin: one line and exit 3, or a token that says exactly what was given. */
const SECRET = 'hardening-secret-that-is-32-byte';
const sign = (stdin: string | Uint8Array, extra: string[] = []): Promise<BinResult> =>
  runBin(['sign', '--secret-env', 'SECRET', '--no-iat', ...NOW, ...extra], { stdin, env: { SECRET }, timeoutMs: 30_000 });
const payloadOf = (token: string): string => new TextDecoder().decode(decode(token.split('.')[1]!));

describe('sign refuses a payload that is not a claims set, one line, exit 3', () => {
  it.each([
    ['invalid UTF-8', INVALID_UTF8, /the payload is not JSON/],
    ['invalid base64url', INVALID_BASE64URL, /the payload is not JSON/],
    ['10,000-deep arrays', DEEP_ARRAYS, /nested deeper than 256 levels/],
    ['10,000-deep arrays inside a claim', `{"a":${DEEP_ARRAYS}}`, /nested deeper than 256 levels/],
    ['a million claims', MILLION_CLAIMS, /standard input is larger than 16777216 bytes/],
    ['a 10 MB claim', TEN_MB_CLAIMS, /tokens over 1048576 bytes are refused/],
  ] as const)('%s', async (_what, stdin, message) => {
    const r = await sign(stdin);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(message);
  });

  it('100 MB of random bytes: refused at the input limit', async () => {
    const r = await sign(hundredMegabytes());
    expect(r.code).toBe(3);
    expectOneLineError(r.stderr);
    expect(r.stderr).toMatch(/larger than 16777216 bytes/);
  });
});

describe('sign makes the token it was given', () => {
  it('empty input is an empty claims set', async () => {
    const r = await sign('');
    expect(r.code).toBe(0);
    expect(payloadOf(r.stdout.trim())).toBe('{}');
  });

  it('__proto__, constructor and 1e400 are signed byte for byte', async () => {
    const r = await sign(PROTO_AND_HUGE_NUMBER);
    expect(r.code).toBe(0);
    expect(payloadOf(r.stdout.trim())).toBe(PROTO_AND_HUGE_NUMBER);
  });
});
