import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const NOW = ['--now', '2100-01-01T00:00:00Z'];
const ENV = { JWT_SECRET: 'an-end-to-end-secret-of-at-least-32-bytes' };

async function signed(...args: string[]): Promise<string> {
  const r = await runBin(['sign', ...NOW, '--secret-env', 'JWT_SECRET', ...args], { env: ENV });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  return r.stdout.trim();
}

describe('the CI toolkit (built binary)', () => {
  it('signs a token that verify accepts and --expect asserts on', async () => {
    const token = await signed('--iss', 'https://idp.example.com', '--sub', 'alice', '--claim', 'scope=read write', '--exp', '15m');
    const verified = await runBin(['verify', ...NOW, '--secret-env', 'JWT_SECRET', '--iss', 'https://idp.example.com', '--expect', 'scope~=read', token], {
      env: ENV,
    });
    expect(verified.code).toBe(0);
    const asserted = await runBin(['decode', '-q', ...NOW, '--expect', 'sub=alice', '--expect', 'exp>now+10m', '--expect', '!admin', token]);
    expect(asserted).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('lists every failed expectation and exits 1; a malformed one is exit 2 with a caret', async () => {
    const token = await signed('--sub', 'alice', '--exp', '5m');
    const failed = await runBin(['decode', '-q', ...NOW, '--expect', 'sub=bob', '--expect', 'exp>now+15m', token]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      'jwt-inspect: check failed: sub=bob: payload.sub is "alice", expected "bob"\n' +
        'jwt-inspect: check failed: exp>now+15m: payload.exp is 4102445100, expected > 4102445700 (now+15m)\n',
    );
    const malformed = await runBin(['decode', '--expect', 'exp>>1', token]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("expected a number, now, now+15m or now-1h after '>' at character 5\n  exp>>1\n      ^");
  });

  it('refuses --alg none without --unsafe-none', async () => {
    const r = await runBin(['sign', '--alg', 'none']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('diffs two tokens: exit 1 and the changes when they differ, 0 when they say the same', async () => {
    const a = await signed('--sub', 'alice', '--claim', 'scope=read', '--exp', '15m');
    const b = await signed('--sub', 'alice', '--claim', 'scope=read write', '--exp', '1h');
    const differ = await runBin(['diff', ...NOW, a, b]);
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain('~ payload.scope: +"write" (compared as a set)');
    expect(differ.stdout).toContain('  lifetime   15 minutes → 1 hour');
    const same = await runBin(['diff', '--json', '--ignore', 'scope', '--ignore', 'exp', a, b]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ same: true, changes: [] });
  });

  it('lists a key set and exits by its findings', async () => {
    const good = await runBin(['jwks', ...NOW, 'test/fixtures/toolkit/jwks/good.json']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('PASS: nothing at high or above');
    const bad = await runBin(['jwks', '--json', ...NOW, 'test/fixtures/toolkit/jwks/bad.json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings[0].id).toBe('jwks-private-key');
    const missing = await runBin(['jwks', 'no/such/jwks.json']);
    expect(missing.code).toBe(3);
  });
});
