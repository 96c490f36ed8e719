import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheName } from '../../src/keys/cache-entry.js';
import { runBin, type BinResult } from '../e2e/run-bin.js';
import { fixtureToken, keyText } from '../verify/helpers/fixtures.js';
import { cacheHome } from '../verify/helpers/remote.js';
import { json, startHttp, type TestServer } from '../verify/helpers/servers.js';
import { NOW } from './hostile-shapes.js';

/**
 * The JWKS cache is a shortcut: when it cannot be read or written, the
 * command still works, fetching afresh, and a note on stderr says the cache
 * was skipped.
 */
const JWKS = keyText('jwks.json');
const SKIPPED = /^jwt-inspect: the cache was skipped: /m;

describe('JWKS cache faults', () => {
  let server: TestServer;
  let cache: ReturnType<typeof cacheHome>;
  const url = (): string => `${server.origin}/jwks`;
  const folder = (): string => join(cache.dir, 'jwt-inspect');
  const entryPath = (): string => join(folder(), cacheName(url()));
  const verify = (): Promise<BinResult> => runBin(['verify', '--jwks', url(), ...NOW, fixtureToken('RS256')], { env: { XDG_CACHE_HOME: cache.dir } });
  const jwks = (): Promise<BinResult> => runBin(['jwks', url(), ...NOW], { env: { XDG_CACHE_HOME: cache.dir } });

  beforeAll(async () => {
    server = await startHttp();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    cache = cacheHome();
    server.requests.length = 0;
    server.route('/jwks', json(JWKS));
  });
  afterEach(() => cache.dispose());

  it('two processes writing the entry at once: both verify, one whole entry is left, and it is used', async () => {
    // Both must miss the cache and write: the server holds each answer until both have asked.
    const waiting: Array<() => void> = [];
    server.route('/jwks', (req, res) => {
      waiting.push(() => json(JWKS)(req, res));
      if (waiting.length === 2) waiting.forEach((answer) => answer());
    });
    const both = await Promise.all([verify(), verify()]);
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(server.requests).toHaveLength(2);
    expect(readdirSync(folder())).toEqual([cacheName(url())]);
    expect(JSON.parse(readFileSync(entryPath(), 'utf8')).body).toBe(JWKS);

    server.route('/jwks', json(JWKS));
    expect((await verify()).code).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['corrupt', () => '\u0000\u00ff not an entry'],
  ])('a %s entry: fetched afresh with a note, and mended', async (_what, damage) => {
    expect((await verify()).code).toBe(0);
    writeFileSync(entryPath(), damage(readFileSync(entryPath(), 'utf8')));
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(SKIPPED);
    expect(r.stderr).toContain(`the cached copy of ${url()} is corrupt`);
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(readFileSync(entryPath(), 'utf8')).body).toBe(JWKS);
  });

  it('a cache folder that cannot be written: verify and jwks work, with a note', async () => {
    // Permission bits do not stop root, so as root a file stands where the folder should be, which stops everyone.
    if (process.getuid?.() === 0) writeFileSync(folder(), 'not a folder');
    else {
      mkdirSync(folder());
      chmodSync(folder(), 0o500);
    }
    for (const run of [verify, jwks]) {
      const r = await run();
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(SKIPPED);
      expect(r.stderr).toContain(`cannot write ${folder()}`);
    }
    expect(server.requests).toHaveLength(2);
    if (process.getuid?.() !== 0) chmodSync(folder(), 0o700);
  });
});
