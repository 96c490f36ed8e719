import { importPKCS8 } from 'jose/key/import';
import { SignJWT } from 'jose/jwt/sign';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, keyText } from './helpers/fixtures.js';
import { cacheHome, verifyRemote } from './helpers/remote.js';
import { hasOpenssl, json, makeCertificate, startHttps, type Certificate, type TestServer } from './helpers/servers.js';

const OPENSSL = hasOpenssl('the cases of remote-issuer.test.ts');

describe.skipIf(!OPENSSL)('verify --issuer: OpenID Connect discovery against a real server', () => {
  let certificate: Certificate;
  let server: TestServer;
  let cache: ReturnType<typeof cacheHome>;
  const signed = async (iss: string) =>
    new SignJWT({ sub: 'user-42', iat: FIXTURES.now - 60, exp: FIXTURES.now + 600 })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(iss)
      .sign(await importPKCS8(keyText('rsa.key.pem'), 'RS256'));
  const run = async (issuer: string, token: string, extra: string[] = []) =>
    verifyRemote(['--issuer', issuer, '--ca', certificate.certPath, ...extra, token], { XDG_CACHE_HOME: cache.dir });

  beforeAll(async () => {
    certificate = makeCertificate();
    server = await startHttps(certificate);
  });
  afterAll(async () => {
    await server.close();
    certificate.dispose();
  });
  beforeEach(() => {
    cache = cacheHome();
    server.requests.length = 0;
    server.route('/.well-known/openid-configuration', json({ issuer: server.origin, jwks_uri: `${server.origin}/keys` }));
    server.route('/keys', json(keyText('jwks.json')));
  });
  afterEach(() => cache.dispose());

  it('finds the keys through jwks_uri and verifies, with iss pinned to the issuer', async () => {
    const r = await run(server.origin, await signed(server.origin));
    expect(r.code).toBe(0);
    expect(r.doc!.verification).toMatchObject({ valid: true, key: { source: 'issuer', kid: 'rsa-1' } });
    expect(server.requests).toEqual(['/.well-known/openid-configuration', '/keys']);
    expect((await run(server.origin, await signed(server.origin))).code).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a token from another issuer signed by the same keys', async () => {
    const r = await run(server.origin, await signed('https://impostor.example'));
    expect(r.code).toBe(1);
    expect(r.doc!.verification.error).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', message: expect.stringContaining('"iss"') });
  });

  it('refuses a configuration that names another issuer (exit 4)', async () => {
    server.route('/.well-known/openid-configuration', json({ issuer: 'https://evil.example', jwks_uri: `${server.origin}/keys` }));
    const r = await run(server.origin, await signed(server.origin));
    expect(r.code).toBe(4);
    expect(r.err).toBe(
      `jwt-inspect: ${server.origin}/.well-known/openid-configuration: the configuration is for issuer "https://evil.example", not ${server.origin}\n`,
    );
    expect(server.requests).toEqual(['/.well-known/openid-configuration']);
  });

  it.each([
    ['without jwks_uri', () => ({ issuer: server.origin }), 'the configuration has no jwks_uri'],
    [
      'with a jwks_uri over plain http',
      () => ({ issuer: server.origin, jwks_uri: 'http://keys.example.com/jwks' }),
      'jwks_uri http://keys.example.com/jwks: keys fetched over plain http://',
    ],
  ])('refuses a configuration %s (exit 4)', async (_what, configuration, message) => {
    server.route('/.well-known/openid-configuration', json(configuration()));
    const r = await run(server.origin, await signed(server.origin));
    expect(r.code).toBe(4);
    expect(r.err).toContain(message);
  });

  it('discovers under an issuer with a path, keeping its trailing slash out of the well-known URL', async () => {
    const issuer = `${server.origin}/tenant/`;
    server.route('/tenant/.well-known/openid-configuration', json({ issuer, jwks_uri: `${server.origin}/keys` }));
    const r = await run(issuer, await signed(issuer));
    expect(r.code).toBe(0);
    expect(server.requests[0]).toBe('/tenant/.well-known/openid-configuration');
  });
});
