import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bypassesProxy, proxyAuthorization, proxyFor } from '../../src/io/proxy.js';
import { fixtureToken, keyText } from './helpers/fixtures.js';
import { cacheHome, verifyRemote } from './helpers/remote.js';
import { hasOpenssl, json, makeCertificate, startHttp, startHttps, startProxy, type Certificate, type TestProxy, type TestServer } from './helpers/servers.js';

describe('proxy variables', () => {
  const https = new URL('https://idp.example.com/jwks');
  const http = new URL('http://127.0.0.1:8080/jwks');
  it.each([
    [https, { HTTPS_PROXY: 'http://proxy:3128' }, 'http://proxy:3128/'],
    [https, { https_proxy: 'proxy:3128', HTTPS_PROXY: 'http://other:1' }, 'http://proxy:3128/'],
    [https, { HTTP_PROXY: 'http://proxy:3128' }, null],
    [http, { HTTP_PROXY: 'http://proxy:3128' }, 'http://proxy:3128/'],
    [https, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'example.com' }, null],
    [https, { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '.example.com' }, null],
    [https, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.com,*' }, null],
    [https, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'ample.com' }, 'http://proxy:3128/'],
    [http, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1:9999' }, 'http://proxy:3128/'],
    [http, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1:8080' }, null],
  ])('%s with %j goes through %s', (url, env, proxy) => {
    expect(proxyFor(url, env)?.href ?? null).toBe(proxy);
  });

  it('sends the credentials of http://user:pass@proxy as Basic, decoded, and names the proxy without them', () => {
    expect(proxyAuthorization(new URL('http://proxy:3128'))).toEqual({});
    const withCredentials = new URL('http://me%40corp:p%3Ass@proxy:3128');
    expect(proxyAuthorization(withCredentials)).toEqual({ 'proxy-authorization': `Basic ${Buffer.from('me@corp:p:ss').toString('base64')}` });
    expect(() => proxyFor(https, { HTTPS_PROXY: 'https://me:s3cret@proxy:3128' })).toThrow(/^proxy proxy:3128: only http:\/\/ proxies/);
  });

  it('refuses a proxy it cannot speak to', () => {
    expect(() => proxyFor(https, { HTTPS_PROXY: 'https://proxy:3128' })).toThrow('only http:// proxies are supported');
    expect(() => proxyFor(https, { https_proxy: '', HTTPS_PROXY: 'http://[bad' })).toThrow('the proxy variable HTTPS_PROXY is not a URL');
    expect(bypassesProxy(https, undefined)).toBe(false);
  });
});

const OPENSSL = hasOpenssl('the https proxy cases of remote-proxy.test.ts');

describe.skipIf(!OPENSSL)('verify through a real CONNECT proxy', () => {
  let certificate: Certificate;
  let server: TestServer;
  let plain: TestServer;
  let proxy: TestProxy;
  let refusing: TestProxy;
  let cache: ReturnType<typeof cacheHome>;

  beforeAll(async () => {
    certificate = makeCertificate();
    server = await startHttps(certificate, { '/jwks': json(keyText('jwks.json')) });
    plain = await startHttp({ '/jwks': json(keyText('jwks.json')) });
    proxy = await startProxy();
    refusing = await startProxy(true);
  });
  afterAll(async () => {
    await Promise.all([server.close(), plain.close(), proxy.close(), refusing.close()]);
    certificate.dispose();
  });
  beforeEach(() => {
    cache = cacheHome();
    proxy.seen.length = 0;
  });
  afterEach(() => cache.dispose());

  const https = (env: Record<string, string>) =>
    verifyRemote(['--jwks', `${server.origin}/jwks`, '--ca', certificate.certPath, '--no-cache', fixtureToken('RS256')], { XDG_CACHE_HOME: cache.dir, ...env });

  it('tunnels https through HTTPS_PROXY with CONNECT, TLS end to end', async () => {
    const r = await https({ HTTPS_PROXY: proxy.url });
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([`CONNECT ${server.origin.replace('https://', '')}`]);
  });

  it('goes direct for a host in NO_PROXY', async () => {
    const r = await https({ HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([]);
  });

  it('sends plain http to HTTP_PROXY with the absolute URL', async () => {
    const r = await verifyRemote(['--jwks', `${plain.origin}/jwks`, fixtureToken('RS256')], { XDG_CACHE_HOME: cache.dir, HTTP_PROXY: proxy.url });
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([`GET ${plain.origin}/jwks`]);
  });

  it('fails with exit 4 when the proxy refuses the tunnel', async () => {
    const r = await https({ HTTPS_PROXY: refusing.url });
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/jwks: the proxy 127\.0\.0\.1:\d+ refused the tunnel \(HTTP 403\)\n$/);
  });
});
