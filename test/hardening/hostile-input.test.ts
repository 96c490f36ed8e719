import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runBin } from '../e2e/run-bin.js';
import { tokenFromText } from '../helpers/tokens.js';

const NOW = ['--now', '1700000000'];
const oneLineError = (stderr: string): void => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^jwt-inspect: /);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
};

describe('hostile input to decode and audit', () => {
  it.each([
    ['empty input', ''],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x2e, 0x80]).toString('latin1')],
    ['invalid base64url parts', 'eyJ!!!.%%%.***'],
    ['a token-shaped string whose header is not JSON', 'eyJub3QganNvbg.eyJ9.c2ln'],
  ])('%s: exit 3 with one line', async (_what, stdin) => {
    for (const command of ['decode', 'audit']) {
      const r = await runBin([command, ...NOW], { stdin });
      expect(r.code).toBe(3);
      oneLineError(r.stderr);
    }
  });

  it('100 MB of random bytes: refused at the input limit, exit 3', async () => {
    const r = await runBin(['decode'], { stdin: randomBytes(100 * 1024 * 1024).toString('latin1'), timeoutMs: 30_000 });
    expect(r.code).toBe(3);
    oneLineError(r.stderr);
    expect(r.stderr).toContain('larger than');
  });

  it('a 10 MB token and a million claims: refused, exit 3', async () => {
    const big = tokenFromText('{"alg":"HS256"}', JSON.stringify({ blob: 'x'.repeat(10 * 1024 * 1024) }));
    const r = await runBin(['decode'], { stdin: big, timeoutMs: 30_000 });
    expect(r.code).toBe(3);
    oneLineError(r.stderr);
    const claims = `{${Array.from({ length: 1_000_000 }, (_, i) => `"c${i}":${i}`).join(',')}}`;
    const many = await runBin(['audit'], { stdin: tokenFromText('{"alg":"HS256"}', claims), timeoutMs: 30_000 });
    expect(many.code).toBe(3);
    oneLineError(many.stderr);
  });

  it('10,000-deep nested arrays: shown as text, not a crash', async () => {
    const deep = tokenFromText('{"alg":"HS256"}', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const r = await runBin(['decode', '--json', ...NOW, deep]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.payload).toBeNull();
    expect(doc.payloadText).toHaveLength(20_000);
    expect(doc.findings.map((f: { id: string }) => f.id)).toContain('not-json-object');
  });

  it('__proto__, constructor and 1e400: decoded faithfully', async () => {
    const t = tokenFromText('{"alg":"HS256"}', '{"__proto__":{"admin":true},"constructor":{"prototype":1},"exp":1e400}');
    const r = await runBin(['audit', '--json', '--fail-on', 'none', ...NOW, t]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"__proto__": {');
    expect(r.stdout).toContain('"exp": 1e400');
    const ids = JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id);
    expect(ids).toContain('bad-numericdate');
  });
});
