import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { readToolkitFixture, toolkitFixture } from '../helpers/toolkit-fixtures.js';
import { json, startHttp, type TestServer } from '../verify/helpers/servers.js';

const NOW = ['--now', '2100-01-01T00:00:00Z'];
const GOOD = toolkitFixture('jwks/good.json');
const BAD = toolkitFixture('jwks/bad.json');

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('jwks', () => {
  it('shows a table of the keys and exits 0 when nothing is at --fail-on or above', async () => {
    const { code, out, err } = await run(['jwks', ...NOW, GOOD]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`JWKS ${GOOD}: 3 keys`);
    expect(lines[2]).toMatch(/^kid {4}kty {2}alg {4}use {2}size {5}thumbprint \(RFC 7638, SHA-256\) {15}certificate$/);
    expect(lines[3]).toMatch(/^rsa-1 {2}RSA {2}RS256 {2}sig {2}2048 {5}[\w-]{43}  CN=idp\.example\.com, O=Example, until 21\d\d-\d\d-\d\d$/);
    expect(lines[4]).toMatch(/^ec-1 {3}EC {3}ES256 {2}sig {2}P-256 {4}[\w-]{43}  -$/);
    expect(lines[5]).toMatch(/^ed-1 {3}OKP {2}EdDSA {2}sig {2}Ed25519 {2}[\w-]{43}  -$/);
    expect(out).toContain('No findings.');
    expect(out).toContain('0 critical, 0 high, 0 medium, 0 low, 0 info  PASS: nothing at high or above');
  });

  it('lists the findings with the kid they concern and exits 1', async () => {
    const { code, out } = await run(['jwks', ...NOW, BAD]);
    expect(code).toBe(1);
    expect(out).toContain(
      '  CRITICAL Private key material in a published key set [jwks-private-key]\n           keys[1] (kid "leaked"): d, p, q, dp, dq, qi\n',
    );
    expect(out).toContain('keys[0] (kid "weak"): 1024 bits');
    expect(out).toContain('FAIL: findings at high or above');
    expect((await run(['jwks', ...NOW, '--fail-on', 'none', BAD])).code).toBe(0);
    expect((await run(['jwks', ...NOW, '--fail-on', 'low', GOOD])).code).toBe(0);
  });

  it('prints the contract JSON shape with --json', async () => {
    const { code, out } = await run(['jwks', '--json', ...NOW, GOOD]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.source).toBe(GOOD);
    expect(doc.findings).toEqual([]);
    expect(doc.keys[1]).toEqual({
      kid: 'ec-1',
      kty: 'EC',
      alg: 'ES256',
      use: 'sig',
      crv: 'P-256',
      bits: null,
      thumbprint: expect.stringMatching(/^[\w-]{43}$/),
      certificate: null,
    });
    expect(Object.keys(doc.keys[0].certificate)).toEqual(['subject', 'notBefore', 'notAfter']);
    const bad = JSON.parse((await run(['jwks', '--json', ...NOW, BAD])).out);
    expect(bad.findings[0]).toMatchObject({ id: 'jwks-private-key', severity: 'critical', category: 'key', path: 'keys[1]' });
  });

  it('never prints the private members it found, nor the secret of an oct key', async () => {
    const keys = JSON.parse(readToolkitFixture('jwks/bad.json')).keys as Array<Record<string, unknown>>;
    const leaked = keys.flatMap((k) =>
      ['d', 'p', 'q', 'dp', 'dq', 'qi', ...(k['kty'] === 'oct' ? ['k'] : [])].map((m) => k[m]).filter((v): v is string => typeof v === 'string'),
    );
    expect(leaked).toHaveLength(7);
    for (const argv of [
      ['jwks', ...NOW, BAD],
      ['jwks', '--json', ...NOW, BAD],
    ]) {
      const { out, err } = await run(argv);
      for (const value of leaked) expect(out + err).not.toContain(value);
    }
  });

  it('reads stdin, and names what is wrong with a document that is not a JWKS', async () => {
    expect((await run(['jwks', ...NOW, '-'], { stdin: readToolkitFixture('jwks/good.json'), stdinIsTTY: false })).code).toBe(0);
    const notJson = await run(['jwks', 'x.json'], { files: { 'x.json': '{"keys": [' } });
    expect(notJson.code).toBe(3);
    expect(notJson.err).toContain('x.json: not JSON');
    const notSet = await run(['jwks', '--json', 'x.json'], { files: { 'x.json': '{"issuer":"x"}' } });
    expect(notSet.code).toBe(3);
    expect(JSON.parse(notSet.out).error).toEqual({
      code: 'ERR_BAD_KEY',
      message: 'x.json: not a JWKS: expected a JSON object with a "keys" array (RFC 7517 §5)',
    });
    expect((await run(['jwks', 'missing.json'])).code).toBe(3);
    expect((await run(['jwks'])).code).toBe(2);
  });

  describe('remote', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startHttp({ '/jwks': json(readToolkitFixture('jwks/good.json')), '/config': json({ issuer: 'x' }) });
    });
    afterAll(() => server.close());

    it('fetches a set from a URL as verify does', async () => {
      const { code, out } = await run(['jwks', '--json', '--no-cache', ...NOW, `${server.origin}/jwks`]);
      expect(code).toBe(0);
      expect(JSON.parse(out).keys).toHaveLength(3);
    });

    it('is a network error when the answer is not a JWKS, and a usage error for http to a remote host', async () => {
      const notSet = await run(['jwks', '--no-cache', `${server.origin}/config`]);
      expect(notSet.code).toBe(4);
      expect(notSet.err).toContain(`${server.origin}/config: not a JWKS`);
      expect((await run(['jwks', '--no-cache', `${server.origin}/missing`])).code).toBe(4);
      const plain = await run(['jwks', 'http://idp.example.com/jwks']);
      expect(plain.code).toBe(2);
      expect(plain.err).toContain('--allow-http');
    });
  });
});
