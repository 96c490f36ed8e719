import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../e2e/run-bin.js';
import { fixtureToken, keyText } from '../verify/helpers/fixtures.js';
import { cacheHome } from '../verify/helpers/remote.js';
import { hasOpenssl, json, makeCertificate, startHttp, startHttps, type Certificate, type Handler, type TestServer } from '../verify/helpers/servers.js';
import { expectOneLineError, NOW } from './hostile-shapes.js';

/**
 * Servers that misbehave, for the three commands that fetch: verify --jwks,
 * verify --issuer and jwks <url>. Each run ends within its 1s --timeout
 * (plus start-up) with exit 4 and one line that names the URL asked for.
 */
const TIMEOUT = ['--timeout', '1s'];
/** The timeout, start-up and a loaded machine's slack: a run past this hung. */
const ENDS_WITHIN_MS = 4000;
const OPENSSL = hasOpenssl('the TLS cases of hostile-servers.test.ts');

type Target = 'verify --jwks' | 'verify --issuer' | 'jwks';
const TARGETS: readonly Target[] = ['verify --jwks', 'verify --issuer', 'jwks'];

/** The argv that fetches from `base` (an origin plus a path), and the URL the error must name. */
function fetchFrom(target: Target, base: string, extra: readonly string[] = []): { args: string[]; url: string } {
  const common = [...NOW, ...TIMEOUT, ...extra];
  if (target === 'jwks') return { args: ['jwks', base, ...common], url: base };
  if (target === 'verify --jwks') return { args: ['verify', '--jwks', base, ...common, fixtureToken('RS256')], url: base };
  return { args: ['verify', '--issuer', base, ...common, fixtureToken('RS256')], url: `${base}/.well-known/openid-configuration` };
}

/** The path a target asks for first under `base`: the document itself, or the issuer's discovery document. */
const firstPath = (target: Target, base: string): string => (target === 'verify --issuer' ? `${base}/.well-known/openid-configuration` : base);

let cache: ReturnType<typeof cacheHome>;
beforeAll(() => void (cache = cacheHome()));
afterAll(() => cache.dispose());

async function expectNetworkFailure(args: string[], url: string, message: RegExp): Promise<void> {
  const started = Date.now();
  const r = await runBin(args, { env: { XDG_CACHE_HOME: cache.dir }, timeoutMs: 10_000 });
  expect(Date.now() - started).toBeLessThan(ENDS_WITHIN_MS);
  expect(r.code).toBe(4);
  expectOneLineError(r.stderr);
  expect(r.stderr.startsWith(`jwt-inspect: ${url}: `)).toBe(true);
  expect(r.stderr).toMatch(message);
}

/** Far more than any cap once inflated (64 MiB of spaces), yet 64 KiB on the wire. */
const GZIP_BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });

const redirectTo =
  (location: string): Handler =>
  (_req, res) =>
    void res.writeHead(302, { location }).end();

const MISBEHAVIOURS: ReadonlyArray<[string, Handler, RegExp]> = [
  ['slow headers: accepts, never answers', () => undefined, /no complete answer within 1s/],
  [
    'a body that never ends',
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).write('{"keys": [');
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
    },
    /no complete answer within 1s/,
  ],
  [
    'a gzip bomb',
    (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(GZIP_BOMB),
    /compressed \(Content-Encoding: gzip\)/,
  ],
  ['a redirect loop', (req, res) => void res.writeHead(302, { location: req.url }).end(), /redirect loop/],
  ['a redirect to file:', redirectTo('file:///etc/passwd'), /redirected to file:\/\/\/etc\/passwd: only https:\/\/ URLs can be fetched/],
  ['a redirect to ftp:', redirectTo('ftp://127.0.0.1/jwks'), /redirected to ftp:\/\/127\.0\.0\.1\/jwks: only https:\/\/ URLs can be fetched/],
  ['a redirect to data:', redirectTo('data:application/json,{"keys":[]}'), /redirected to data:application\/json.*: only https:\/\/ URLs can be fetched/],
  [
    'a connection reset mid-body',
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' }).write('{"keys": [');
      setTimeout(() => res.socket?.resetAndDestroy(), 50);
    },
    /the connection was reset \(ECONNRESET\)/,
  ],
];

describe('hostile http servers on 127.0.0.1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttp();
    MISBEHAVIOURS.forEach(([, handler], i) => {
      for (const target of TARGETS) server.route(firstPath(target, `/${i}`), handler);
    });
  });
  afterAll(() => server.close());

  describe.each(TARGETS)('%s', (target) => {
    it.concurrent.each(MISBEHAVIOURS.map(([what, , message], i) => [what, i, message] as const))(
      '%s: exit 4, one line naming the URL',
      async (_what, i, message) => {
        const { args, url } = fetchFrom(target, `${server.origin}/${i}`);
        await expectNetworkFailure(args, url, message);
      },
    );
  });
});

describe.each(TARGETS)('%s: a host name that resolves nowhere (RFC 2606 .invalid)', (target) => {
  it('exit 4, host not found', async () => {
    const { args, url } = fetchFrom(target, 'http://jwt-inspect-test.invalid/keys', ['--allow-http']);
    await expectNetworkFailure(args, url, /host not found|host name lookup failed/);
  });
});

describe.skipIf(!OPENSSL)('TLS certificates that must be refused, even with --ca', () => {
  const cases = [
    ['a certificate for another host name', { subjectAltName: 'DNS:other.example' }, /the server certificate is for another host name/],
    ['an expired certificate', { expired: true }, /the server certificate has expired/],
  ] as const;
  const servers: Array<{ certificate: Certificate; server: TestServer }> = [];
  beforeAll(async () => {
    for (const [, options] of cases) {
      const certificate = makeCertificate(options);
      const server = await startHttps(certificate, { '/keys': json(keyText('jwks.json')) });
      server.route('/.well-known/openid-configuration', json({ issuer: server.origin, jwks_uri: `${server.origin}/keys` }));
      servers.push({ certificate, server });
    }
  });
  afterAll(async () => {
    for (const { certificate, server } of servers) {
      await server.close();
      certificate.dispose();
    }
  });

  describe.each(TARGETS)('%s', (target) => {
    it.each(cases.map(([what, , message], i) => [what, i, message] as const))('%s: exit 4, one line naming the URL', async (_what, i, message) => {
      const { certificate, server } = servers[i]!;
      const base = target === 'verify --issuer' ? server.origin : `${server.origin}/keys`;
      const { args, url } = fetchFrom(target, base, ['--ca', certificate.certPath]);
      await expectNetworkFailure(args, url, message);
      expect(server.requests).toEqual([]);
    });
  });
});
