import { describe, expect, it } from 'vitest';
import { runBin } from '../e2e/run-bin.js';
import { jws } from '../helpers/tokens.js';
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

describe('hostile input to decode and audit', () => {
  it.each([
    ['empty input', ''],
    ['invalid UTF-8', INVALID_UTF8],
    ['invalid base64url parts', INVALID_BASE64URL],
    ['a token-shaped string whose header is not JSON', 'eyJub3QganNvbg.eyJ9.c2ln'],
  ])('%s: exit 3 with one line', async (_what, stdin) => {
    for (const command of ['decode', 'audit']) {
      const r = await runBin([command, ...NOW], { stdin });
      expect(r.code).toBe(3);
      expectOneLineError(r.stderr);
    }
  });

  it('100 MB of random bytes: refused at the input limit, exit 3', async () => {
    const r = await runBin(['decode'], { stdin: hundredMegabytes(), timeoutMs: 30_000 });
    expect(r.code).toBe(3);
    expectOneLineError(r.stderr);
    expect(r.stderr).toContain('larger than');
  });

  it('a 10 MB token and a million claims: refused, exit 3', async () => {
    const big = jws('{"alg":"HS256"}', TEN_MB_CLAIMS);
    const r = await runBin(['decode'], { stdin: big, timeoutMs: 30_000 });
    expect(r.code).toBe(3);
    expectOneLineError(r.stderr);
    const many = await runBin(['audit'], { stdin: jws('{"alg":"HS256"}', MILLION_CLAIMS), timeoutMs: 30_000 });
    expect(many.code).toBe(3);
    expectOneLineError(many.stderr);
  });

  it('10,000-deep nested arrays: shown as text, not a crash', async () => {
    const deep = jws('{"alg":"HS256"}', DEEP_ARRAYS);
    const r = await runBin(['decode', '--json', ...NOW, deep]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.payload).toBeNull();
    expect(doc.payloadText).toHaveLength(20_000);
    expect(doc.findings.map((f: { id: string }) => f.id)).toContain('not-json-object');
  });

  it('__proto__, constructor and 1e400: decoded faithfully', async () => {
    const t = jws('{"alg":"HS256"}', PROTO_AND_HUGE_NUMBER);
    const r = await runBin(['audit', '--json', '--fail-on', 'none', ...NOW, t]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"__proto__": {');
    expect(r.stdout).toContain('"exp": 1e400');
    const ids = JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id);
    expect(ids).toContain('bad-numericdate');
  });
});
