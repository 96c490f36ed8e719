import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheName } from '../../src/keys/cache-entry.js';
import { FIXTURES, fixtureToken, keyText } from './helpers/fixtures.js';
import { cacheHome, verifyRemote } from './helpers/remote.js';
import { hasOpenssl, json, makeCertificate, startHttp, startHttps, type Certificate, type Handler, type TestServer } from './helpers/servers.js';

const JWKS = keyText('jwks.json');
const ROTATED = keyText('jwks-rotated.json');
const OPENSSL = hasOpenssl('the https cases of remote-jwks.test.ts');

describe.skipIf(!OPENSSL)('verify --jwks <https URL> against a real server', () => {
  let certificate: Certificate;
  let server: TestServer;
  let plain: TestServer;
  let cache: ReturnType<typeof cacheHome>;
  let env: Record<string, string>;
  const jwksUrl = () => `${server.origin}/jwks`;
  const run = (token: string, extra: string[] = [], wallClock?: number) =>
    verifyRemote(['--jwks', jwksUrl(), '--ca', certificate.certPath, ...extra, fixtureToken(token)], env, wallClock);

  beforeAll(async () => {
    certificate = makeCertificate();
    server = await startHttps(certificate);
    plain = await startHttp();
  });
  afterAll(async () => {
    await server.close();
    await plain.close();
    certificate.dispose();
  });
  beforeEach(() => {
    cache = cacheHome();
    env = { XDG_CACHE_HOME: cache.dir };
    server.requests.length = 0;
    plain.requests.length = 0;
    server.route('/jwks', json(JWKS));
  });
  afterEach(() => cache.dispose());

  it('verifies with a key fetched over https, trusted through --ca', async () => {
    const r = await run('RS256');
    expect(r.code).toBe(0);
    expect(r.doc!.verification).toMatchObject({ valid: true, key: { source: 'jwks', kid: 'rsa-1' } });
    expect(server.requests).toEqual(['/jwks']);
  });

  it('refuses the self-signed server without --ca, naming the URL (exit 4)', async () => {
    const r = await verifyRemote(['--jwks', jwksUrl(), fixtureToken('RS256')], env);
    expect(r.code).toBe(4);
    expect(r.err).toBe(`jwt-inspect: ${jwksUrl()}: the server certificate is self-signed; trust it with --ca <pem> (DEPTH_ZERO_SELF_SIGNED_CERT)\n`);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'ERR_NETWORK', message: expect.stringContaining(jwksUrl()) } });
  });

  it('answers the second run from the disk cache, with no second request; --no-cache fetches', async () => {
    expect((await run('RS256')).code).toBe(0);
    expect((await run('ES256')).code).toBe(0);
    expect(server.requests).toEqual(['/jwks']);
    expect((await run('ES256', ['--no-cache'])).code).toBe(0);
    expect(server.requests).toEqual(['/jwks', '/jwks']);
  });

  it('writes the cache entry atomically under $XDG_CACHE_HOME/jwt-inspect, leaving no temporary file', async () => {
    await run('RS256');
    expect(readdirSync(join(cache.dir, 'jwt-inspect'))).toEqual([cacheName(jwksUrl())]);
  });

  it('falls back to ~/.cache/jwt-inspect without XDG_CACHE_HOME', async () => {
    env = { HOME: cache.dir };
    await run('RS256');
    expect(readdirSync(join(cache.dir, '.cache', 'jwt-inspect'))).toEqual([cacheName(jwksUrl())]);
  });

  it('keeps a document for its Cache-Control max-age', async () => {
    server.route('/jwks', json(JWKS, { 'cache-control': 'public, max-age=60' }));
    await run('RS256', [], FIXTURES.now);
    await run('RS256', [], FIXTURES.now + 59);
    expect(server.requests).toHaveLength(1);
    await run('RS256', [], FIXTURES.now + 60);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps a document 10 minutes without max-age, and never past a day', async () => {
    await run('RS256', [], FIXTURES.now);
    await run('RS256', [], FIXTURES.now + 599);
    expect(server.requests).toHaveLength(1);
    await run('RS256', [], FIXTURES.now + 600);
    expect(server.requests).toHaveLength(2);

    server.route('/jwks', json(JWKS, { 'cache-control': 'max-age=31536000' }));
    const later = FIXTURES.now + 5000;
    await run('RS256', [], later);
    await run('RS256', [], later + 86399);
    expect(server.requests).toHaveLength(3);
    await run('RS256', [], later + 86400);
    expect(server.requests).toHaveLength(4);
  });

  it('ignores a corrupt cache entry and fetches afresh', async () => {
    await run('RS256');
    writeFileSync(join(cache.dir, 'jwt-inspect', cacheName(jwksUrl())), '{"url": truncated');
    const r = await run('RS256');
    expect(r.code).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it('refetches once for a kid the cached copy does not know: key rotation', async () => {
    await run('RS256');
    server.route('/jwks', json(ROTATED));
    const rotated = await run('RS256-rotated');
    expect(rotated.code).toBe(0);
    expect(rotated.doc!.verification.key!.kid).toBe('rsa-2');
    expect(server.requests).toHaveLength(2);

    const unknown = await run('RS256');
    expect(unknown.code).toBe(1);
    expect(unknown.doc!.verification.error).toMatchObject({
      code: 'ERR_JWKS_NO_MATCHING_KEY',
      message: expect.stringContaining('on offer: "rsa-2" (RS256, RSA 2048-bit)'),
    });
    expect(server.requests).toHaveLength(3);
  });

  const failures: Array<[string, Handler, string[], RegExp]> = [
    ['a 500', (_q, s) => s.writeHead(500).end('oops'), [], /: HTTP 500 from https:\/\/127\.0\.0\.1:\d+\/jwks; expected 200/],
    ['a body that is not JSON', json('<html>login</html>', { 'content-type': 'text/html' }), [], /: the response is not JSON \(content-type text\/html\)/],
    ['JSON that is not a JWKS', json({ issuer: 'x' }), [], /: not a JWKS: expected a JSON object with a "keys" array/],
    ['a JWKS with no usable key', json({ keys: [{ kty: 'XYZ' }] }), [], /: the JWKS holds no key that can verify a JWT/],
    ['a 2 MiB body', json({ keys: [], pad: 'x'.repeat(2 * 1024 * 1024) }), [], /: the response is larger than 1048576 bytes/],
    [
      'a 2 MiB body without Content-Length',
      (_q, s) => {
        s.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 32; i++) s.write('x'.repeat(64 * 1024));
        s.end();
      },
      [],
      /: the response is larger than 1048576 bytes/,
    ],
    ['no answer at all', () => undefined, ['--timeout', '0.3s'], /: no complete answer within 0\.3s \(raise it with --timeout\)/],
    [
      'a body that stalls halfway',
      (_q, s) => {
        s.writeHead(200, { 'content-type': 'application/json' });
        s.write('{"keys": [');
      },
      ['--timeout', '0.3s'],
      /: no complete answer within 0\.3s/,
    ],
    ['a redirect loop', (_q, s) => s.writeHead(302, { location: '/jwks' }).end(), [], /: redirect loop \(back to https:\/\/127\.0\.0\.1:\d+\/jwks\)/],
  ];
  it.each(failures)('fails with exit 4 and one line naming the URL on %s', async (_what, handler, extra, message) => {
    server.route('/jwks', handler);
    const r = await run('RS256', extra);
    expect(r.code).toBe(4);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(r.err).toMatch(new RegExp(`^jwt-inspect: ${jwksUrl().replace(/\./g, '\\.')}`));
    expect(r.err).toMatch(message);
    expect(readdirSync(cache.dir)).toEqual([]);
  });

  it('follows up to 3 redirects, and no more', async () => {
    server.route('/r1', (_q, s) => s.writeHead(301, { location: '/r2' }).end());
    server.route('/r2', (_q, s) => s.writeHead(307, { location: `${server.origin}/r3` }).end());
    server.route('/r3', (_q, s) => s.writeHead(308, { location: '/jwks' }).end());
    server.route('/r0', (_q, s) => s.writeHead(302, { location: '/r1' }).end());
    const three = await verifyRemote(['--jwks', `${server.origin}/r1`, '--ca', certificate.certPath, fixtureToken('RS256')], env);
    expect(three.code).toBe(0);
    const four = await verifyRemote(['--jwks', `${server.origin}/r0`, '--ca', certificate.certPath, fixtureToken('RS256')], env);
    expect(four.code).toBe(4);
    expect(four.err).toContain('more than 3 redirects');
  });

  it('never follows a redirect from https to http, and sends nothing there', async () => {
    plain.route('/jwks', json(JWKS));
    server.route('/jwks', (_q, s) => s.writeHead(302, { location: `${plain.origin}/jwks` }).end());
    const r = await run('RS256');
    expect(r.code).toBe(4);
    expect(r.err).toContain(`redirected from https to ${plain.origin}/jwks; refused`);
    expect(plain.requests).toEqual([]);
  });

  it('fetches plain http from a loopback host without --allow-http', async () => {
    plain.route('/jwks', json(JWKS));
    const r = await verifyRemote(['--jwks', `${plain.origin}/jwks`, fixtureToken('RS256')], env);
    expect(r.code).toBe(0);
  });

  it('exits 3 on a --ca file that is not a certificate', async () => {
    const r = await verifyRemote(['--jwks', jwksUrl(), '--ca', '/dev/null', fixtureToken('RS256')], env);
    expect(r.code).toBe(3);
    expect(r.err).toContain('--ca /dev/null: not a PEM certificate');
    expect(server.requests).toEqual([]);
  });
});
