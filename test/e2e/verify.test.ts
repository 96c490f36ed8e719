import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT_FIXTURE_TIME, FIXTURES, fixtureToken, keyPath, keyText } from '../verify/helpers/fixtures.js';
import { json, startHttp, type TestServer } from '../verify/helpers/servers.js';
import { runBin } from './run-bin.js';

describe('jwt-inspect verify (built binary)', () => {
  let server: TestServer;
  let cache: string;
  beforeAll(async () => {
    server = await startHttp({ '/jwks': json(keyText('jwks.json')) });
    cache = mkdtempSync(join(tmpdir(), 'jwt-inspect-e2e-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it('exit 0: VALID with a PEM key, and where it came from', async () => {
    const r = await runBin(['verify', ...AT_FIXTURE_TIME, '--key', keyPath('ec256.pub.pem'), fixtureToken('ES256')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^VALID: the signature \(ES256\) checks out and every claim check passed\.\n {2}key {9}EC P-256, SHA-256 thumbprint [\w-]{43}, from .*ec256\.pub\.pem\n/,
    );
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('exit 1: INVALID, every failure listed', async () => {
    const r = await runBin([
      'verify',
      ...AT_FIXTURE_TIME,
      '--key',
      keyPath('rsa.pub.pem'),
      '--aud',
      'api://jwt-inspect-tests',
      fixtureToken('RS256-expired-wrong-audience'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'INVALID: do not trust this token. 2 checks failed:',
      expect.stringMatching(/^ {2}✗ aud {9}unexpected "aud" claim value/),
      expect.stringMatching(/^ {2}✗ exp {9}"exp" claim timestamp check failed/),
    ]);
  });

  it('a secret from the environment, the contract JSON on stdout, nothing else', async () => {
    const r = await runBin(['verify', '--json', ...AT_FIXTURE_TIME, '--secret-env', 'JWT_SECRET', fixtureToken('HS512')], {
      env: { JWT_SECRET: FIXTURES.secret },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verification).toEqual({
      valid: true,
      alg: 'HS512',
      key: { source: 'secret', kid: null, thumbprint: null },
      error: null,
      errors: [],
      warnings: [
        // The fixture secret is 32 bytes; HS512 asks for 64.
        { code: 'weak-key', message: 'the key is only 32 bytes, where HS512 needs at least 64 (RFC 7518 §3.2): verifiers that follow the RFC refuse it' },
      ],
    });
    expect(r.stdout + r.stderr).not.toContain(FIXTURES.secret);
  });

  it('a remote JWKS from a loopback server, cached under XDG_CACHE_HOME', async () => {
    const args = ['verify', ...AT_FIXTURE_TIME, '-q', '--jwks', `${server.origin}/jwks`, fixtureToken('EdDSA')];
    expect((await runBin(args, { env: { XDG_CACHE_HOME: cache } })).code).toBe(0);
    expect((await runBin(args, { env: { XDG_CACHE_HOME: cache } })).code).toBe(0);
    expect(server.requests).toEqual(['/jwks']);
  });

  it('exit 2, 3 and 4: usage, a bad key, an unreachable JWKS', async () => {
    const usage = await runBin(['verify', '--secret-env', 'A', '--key', 'b.pem', fixtureToken('HS256')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('jwt-inspect: give one key source; got --secret-env and --key\n');
    const badKey = await runBin(['verify', '--key', keyPath('tokens.json'), fixtureToken('RS256')]);
    expect(badKey.code).toBe(3);
    const closed = await startHttp();
    const url = `${closed.origin}/jwks`;
    await closed.close();
    const network = await runBin(['verify', '--jwks', url, fixtureToken('RS256')], { env: { XDG_CACHE_HOME: cache } });
    expect(network.code).toBe(4);
    expect(network.stderr).toBe(`jwt-inspect: ${url}: connection refused (ECONNREFUSED)\n`);
  });
});
