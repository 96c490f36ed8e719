import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../src/audit/threshold.js';
import { loadKeySet } from '../../src/keys/load.js';
import { countsText, outcomeStyle, tokenLabel, tokenTable } from '../../src/render/scan-table.js';
import { loadTheme, PLAIN_THEME } from '../../src/render/theme.js';
import type { ScannedToken } from '../../src/scan/collect.js';
import { tokenExaminer } from '../../src/scan/examiner.js';
import { pathFilter } from '../../src/scan/filter.js';
import { scanPaths } from '../../src/scan/scan.js';
import { tokenVerifier } from '../../src/scan/verifier.js';
import { fakeIo } from '../helpers/fake-io.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const SECRET = 'a-long-enough-random-secret-0123456789';
const visible = (lines: string[]): string[] => lines.map((l) => l.replaceAll('\u001b', '␛'));

/** Signed with SECRET, valid, with an issuer longer than a cell. */
const GOOD = hs256({ iss: 'https://auth.example.com/tenants/0123456789/v2', sub: 'user-1', aud: 'api', iat: NOW - 60, exp: NOW + 600, jti: 'j1' }, SECRET, {
  alg: 'HS256',
  typ: 'JWT',
  kid: 'k1',
});
/** Unsecured, with a subject that carries a bidi override and an ANSI escape. */
const NONE = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'ad\u202emin\u001b[2J', password: 'hunter22' })}.`;
/** Signed with another secret, and expired. */
const FORGED = hs256({ sub: 'user-2', iat: NOW - 7200, exp: NOW - 3600 }, 'another-secret-that-is-long-enough!!');
const JWE = `${part({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y3Q.dGFn`;
const LOG = [`GET /a Authorization: Bearer ${GOOD}`, `Set-Cookie: session=${NONE}; Path=/`, `x ${GOOD} y ${FORGED}`, JWE].join('\n');

/** The distinct tokens a scan of this text finds, examined as scan examines them (and verified against SECRET). */
async function scanned(text: string, verify = false): Promise<ScannedToken[]> {
  const io = fakeIo({ env: { JWT_SECRET: SECRET }, files: { 'app.log': text } });
  const keys = await loadKeySet(
    io,
    { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false },
    { timeoutMs: 1000, allowHttp: false, ca: null, useCache: false, note: () => {} },
  );
  const policy = { now: NOW, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
  const result = await scanPaths(io, {
    paths: ['app.log'],
    filter: pathFilter([], []),
    examine: tokenExaminer({ now: NOW, leeway: 0 }, verify ? tokenVerifier(keys, policy) : null, false),
    verifies: verify,
    signal: new AbortController().signal,
    outputClosed: () => false,
  });
  return result.tokens;
}

describe('tokenLabel and countsText', () => {
  it('name a token by its first ten characters and its hash, never in full', async () => {
    const [good] = await scanned(GOOD);
    expect(tokenLabel(good!)).toBe('eyJhbGciOi… 21ddc40b');
  });

  it('count findings worst first, leaving out the severities with none', async () => {
    const [, none] = await scanned(LOG);
    expect(countsText(countBySeverity(none!.findings))).toBe('2 critical, 1 high, 1 medium, 2 low, 1 info');
    expect(countsText(countBySeverity([]))).toBe('none');
  });
});

describe('tokenTable', () => {
  it('is one line per token: alg, kid, iss, sub, time, findings and sightings, in columns; long and hostile cells cut and escaped', async () => {
    expect(tokenTable(await scanned(LOG), PLAIN_THEME, false)).toEqual([
      'TOKEN                 ALG    KID  ISS                           SUB                   TIME       FINDINGS                                     SEEN',
      'eyJhbGciOi… 21ddc40b  HS256  k1   https://auth.example.com/te…  user-1                valid      1 info                                       2',
      String.raw`eyJhbGciOi… 95edc5a4  none   -    -                             ad\u202emin\u001b[2J  no-expiry  2 critical, 1 high, 1 medium, 2 low, 1 info  1`,
      'eyJhbGciOi… 0c4337e6  HS256  -    -                             user-2                expired    1 medium, 2 low, 3 info                      1',
      'eyJhbGciOi… 5d6f946b  dir    -    -                             -                     encrypted  2 info                                       1',
    ]);
  });

  it('adds how each token fared against the key when the scan verified them', async () => {
    expect(tokenTable(await scanned(LOG, true), PLAIN_THEME, true)).toEqual([
      'TOKEN                 ALG    KID  ISS                           SUB                   TIME       KEY           FINDINGS                                     SEEN',
      'eyJhbGciOi… 21ddc40b  HS256  k1   https://auth.example.com/te…  user-1                valid      valid         1 info                                       2',
      String.raw`eyJhbGciOi… 95edc5a4  none   -    -                             ad\u202emin\u001b[2J  no-expiry  invalid       2 critical, 1 high, 1 medium, 2 low, 1 info  1`,
      'eyJhbGciOi… 0c4337e6  HS256  -    -                             user-2                expired    invalid       1 medium, 2 low, 3 info                      1',
      'eyJhbGciOi… 5d6f946b  dir    -    -                             -                     encrypted  unverifiable  2 info                                       1',
    ]);
  });

  it('keeps a cell of 28 characters whole, and cuts a longer one by code points, never inside a surrogate pair or an escape', async () => {
    const subs = ['s'.repeat(28), 's'.repeat(29), `${'😀'.repeat(27)}x`, `${'😀'.repeat(28)}x`, `${'a'.repeat(26)}\u001b[2J`];
    const tokens = await scanned(subs.map((sub) => hs256({ sub }, SECRET)).join('\n'));
    // Columns are as wide as their widest cell, counted in UTF-16 units: the emoji cells are 55 wide.
    expect(tokenTable(tokens, PLAIN_THEME, false)).toEqual([
      'TOKEN                 ALG    KID  ISS  SUB                                                      TIME       FINDINGS                         SEEN',
      `eyJhbGciOi… 28eb8c46  HS256  -    -    ${'s'.repeat(28)}                             no-expiry  1 high, 1 medium, 2 low, 2 info  1`,
      `eyJhbGciOi… 310ed8b4  HS256  -    -    ${'s'.repeat(27)}…                             no-expiry  1 high, 1 medium, 2 low, 2 info  1`,
      `eyJhbGciOi… d00d8456  HS256  -    -    ${'😀'.repeat(27)}x  no-expiry  1 high, 1 medium, 2 low, 2 info  1`,
      `eyJhbGciOi… 3214c1ac  HS256  -    -    ${'😀'.repeat(27)}…  no-expiry  1 high, 1 medium, 2 low, 2 info  1`,
      String.raw`eyJhbGciOi… 750e8389  HS256  -    -    aaaaaaaaaaaaaaaaaaaaaaaaaa\u001b…                        no-expiry  1 high, 1 medium, 2 low, 2 info  1`,
    ]);
  });

  it('colours the heading, the time status and the outcome', async () => {
    const theme = await loadTheme(1);
    expect(visible(tokenTable(await scanned(LOG, true), theme, true))).toEqual([
      '␛[1m␛[4mTOKEN                 ALG    KID  ISS                           SUB                   TIME       KEY           FINDINGS                                     SEEN␛[24m␛[22m',
      'eyJhbGciOi… 21ddc40b  HS256  k1   https://auth.example.com/te…  user-1                ␛[1m␛[32mvalid␛[39m␛[22m      ␛[1m␛[32mvalid␛[39m␛[22m         1 info                                       2',
      String.raw`eyJhbGciOi… 95edc5a4  none   -    -                             ad\u202emin\u001b[2J  ␛[1m␛[33mno-expiry␛[39m␛[22m  ␛[1m␛[31minvalid␛[39m␛[22m       2 critical, 1 high, 1 medium, 2 low, 1 info  1`,
      'eyJhbGciOi… 0c4337e6  HS256  -    -                             user-2                ␛[1m␛[31mexpired␛[39m␛[22m    ␛[1m␛[31minvalid␛[39m␛[22m       1 medium, 2 low, 3 info                      1',
      'eyJhbGciOi… 5d6f946b  dir    -    -                             -                     ␛[2mencrypted␛[22m  ␛[2munverifiable␛[22m  2 info                                       1',
    ]);
  });
});

describe('outcomeStyle', () => {
  it('is good for valid, bad for invalid and dim for unverifiable', async () => {
    const theme = await loadTheme(1);
    expect(visible((['valid', 'invalid', 'unverifiable'] as const).map((o) => outcomeStyle(o, theme)(o)))).toEqual([
      '␛[1m␛[32mvalid␛[39m␛[22m',
      '␛[1m␛[31minvalid␛[39m␛[22m',
      '␛[2munverifiable␛[22m',
    ]);
    expect(outcomeStyle('invalid', PLAIN_THEME)('invalid')).toBe('invalid');
  });
});
