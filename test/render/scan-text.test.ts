import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'jose/base64url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeySet } from '../../src/keys/load.js';
import { listedSeverity, progressLine, scanText, type ScanTextOptions } from '../../src/render/scan-text.js';
import { loadTheme, PLAIN_THEME } from '../../src/render/theme.js';
import { tokenExaminer } from '../../src/scan/examiner.js';
import { pathFilter } from '../../src/scan/filter.js';
import { scanPaths, type ScanResult } from '../../src/scan/scan.js';
import { tokenVerifier } from '../../src/scan/verifier.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const SECRET = 'a-long-enough-random-secret-0123456789';
const visible = (s: string): string => s.replaceAll('\u001b', '␛');
/** What the scan command lists by default (--fail-on high). */
const DEFAULT: ScanTextOptions = { showTokens: false, minSeverity: listedSeverity('high') };

const GOOD = hs256({ iss: 'https://auth.example.com', sub: 'user-1', aud: 'api', iat: NOW - 60, exp: NOW + 600, jti: 'j1' }, SECRET, {
  alg: 'HS256',
  typ: 'JWT',
  kid: 'k1',
});
const NONE = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'ad\u202emin\u001b[2J', password: 'hunter22' })}.`;
const FORGED = hs256({ sub: 'user-2', iat: NOW - 7200, exp: NOW - 3600 }, 'another-secret-that-is-long-enough!!');
const JWE = `${part({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y3Q.dGFn`;
/** GOOD six times (one more than the text lists), the others once. */
const LOG = [`GET /a Authorization: Bearer ${GOOD}`, `Set-Cookie: session=${NONE}; Path=/`, `x ${GOOD} y ${FORGED}`, JWE, GOOD, GOOD, GOOD, GOOD, ''].join(
  '\n',
);

/** A scan as the scan command runs it, over files given by name (else read from disk), verified against SECRET on request. */
async function scan(paths: string[], io: FakeIoOptions, options: { verify?: boolean; signal?: AbortSignal } = {}): Promise<ScanResult> {
  const fake = fakeIo({ ...io, env: { JWT_SECRET: SECRET } });
  const keys = await loadKeySet(
    fake,
    { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false },
    { timeoutMs: 1000, allowHttp: false, ca: null, useCache: false, note: () => {} },
  );
  const policy = { now: NOW, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
  return scanPaths(fake, {
    paths,
    filter: pathFilter([], []),
    examine: tokenExaminer({ now: NOW, leeway: 0 }, options.verify ? tokenVerifier(keys, policy) : null, false),
    verifies: options.verify === true,
    signal: options.signal ?? new AbortController().signal,
    outputClosed: () => false,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-scan-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanText', () => {
  it('tells what was read, tables the tokens, then where each was seen, why it did not verify and its findings, then the totals', async () => {
    expect(scanText(await scan(['logs/app.log'], { files: { 'logs/app.log': LOG } }, { verify: true }), PLAIN_THEME, DEFAULT)).toMatchInlineSnapshot(`
      "4 distinct tokens in 1 file (1.8 kB). Tokens are redacted; --show-tokens shows them.

      TOKEN                 ALG    KID  ISS                       SUB                   TIME       KEY           FINDINGS                                     SEEN
      eyJhbGciOi… d39de0f0  HS256  k1   https://auth.example.com  user-1                valid      valid         1 info                                       6
      eyJhbGciOi… 95edc5a4  none   -    -                         ad\\u202emin\\u001b[2J  no-expiry  invalid       2 critical, 1 high, 1 medium, 2 low, 1 info  1
      eyJhbGciOi… 0c4337e6  HS256  -    -                         user-2                expired    invalid       1 medium, 2 low, 3 info                      1
      eyJhbGciOi… 5d6f946b  dir    -    -                         -                     encrypted  unverifiable  2 info                                       1

      eyJhbGciOi… d39de0f0
        seen at logs/app.log:1:30
                logs/app.log:3:3
                logs/app.log:5:1
                logs/app.log:6:1
                logs/app.log:7:1
                … and 1 more (--json lists them all)

      eyJhbGciOi… 95edc5a4
        seen at logs/app.log:2:21
        INVALID  alg "none": an unsecured JWT has no signature, so it never verifies (RFC 7518 §3.6, RFC 8725 §3.2) [ERR_JOSE_ALG_NOT_ALLOWED]
        CRITICAL Unsecured alg:none at header.alg [alg-none]
        CRITICAL Credential in the token at payload.password [sensitive-credential]
        HIGH     No expiry at payload.exp [no-expiry]
        MEDIUM   No audience, or a wildcard at payload.aud [no-audience]

      eyJhbGciOi… 0c4337e6
        seen at logs/app.log:3:244
        INVALID  signature verification failed [ERR_JWS_SIGNATURE_VERIFICATION_FAILED]
        MEDIUM   No audience, or a wildcard at payload.aud [no-audience]

      eyJhbGciOi… 5d6f946b
        seen at logs/app.log:4:1

      Findings: 2 critical, 1 high, 2 medium, 4 low, 7 info
      Verification: 1 valid, 2 invalid, 1 unverifiable (no key fits)
      "
    `);
  });

  it('has no KEY column and no verification total when no key was given', async () => {
    const lines = scanText(await scan(['logs/app.log'], { files: { 'logs/app.log': LOG } }), PLAIN_THEME, DEFAULT).split('\n');
    expect(lines[2]).toBe(
      'TOKEN                 ALG    KID  ISS                       SUB                   TIME       FINDINGS                                     SEEN',
    );
    expect(lines.slice(-3)).toEqual(['', 'Findings: 2 critical, 1 high, 2 medium, 4 low, 7 info', '']);
  });

  it('says when there are no tokens, and when the scan was stopped before the end', async () => {
    expect(scanText(await scan(['empty.log'], { files: { 'empty.log': 'nothing here\n' } }), PLAIN_THEME, DEFAULT)).toBe('No tokens found in 1 file (13 B).\n');
    const stop = new AbortController();
    async function* thenStopped(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${GOOD}\n`);
      stop.abort();
      yield Buffer.from(`${FORGED}\n`);
    }
    const stopped = scanText(await scan([], { stdinStream: thenStopped }, { signal: stop.signal }), PLAIN_THEME, DEFAULT);
    expect(stopped.split('\n').slice(0, 2)).toEqual([
      'Interrupted: the tokens found so far.',
      '1 distinct token in 1 file (239 B). Tokens are redacted; --show-tokens shows them.',
    ]);
  });

  it('shows each token in full only with --show-tokens', async () => {
    const out = scanText(await scan(['a.log'], { files: { 'a.log': `${GOOD}\n` } }), PLAIN_THEME, { ...DEFAULT, showTokens: true });
    expect(out.split('\n').slice(0, 1)).toEqual(['1 distinct token in 1 file (239 B).']);
    expect(out.split('\n').slice(5, 8)).toEqual(['eyJhbGciOi… d39de0f0', `  ${GOOD}`, '  seen at a.log:1:1']);
  });

  it('lists findings down to --fail-on when that is below medium', async () => {
    expect([
      listedSeverity('critical'),
      listedSeverity('high'),
      listedSeverity('medium'),
      listedSeverity('low'),
      listedSeverity('info'),
      listedSeverity('none'),
    ]).toEqual(['medium', 'medium', 'medium', 'low', 'info', 'medium']);
    const out = scanText(await scan(['a.log'], { files: { 'a.log': `${FORGED}\n` } }), PLAIN_THEME, { ...DEFAULT, minSeverity: listedSeverity('info') });
    expect(out.split('\n').slice(5)).toEqual([
      'eyJhbGciOi… 0c4337e6',
      '  seen at a.log:1:1',
      '  MEDIUM   No audience, or a wildcard at payload.aud [no-audience]',
      '  LOW      Lifetime too long at payload.exp [lifetime-too-long]',
      '  LOW      No issuer, or a plain-http issuer at payload.iss [weak-issuer]',
      '  INFO     Symmetric MAC in use at header.alg [alg-hmac]',
      '  INFO     Expired at payload.exp [expired]',
      '  INFO     No jti at payload.jti [no-jti]',
      '',
      'Findings: 1 medium, 2 low, 3 info',
      '',
    ]);
  });

  it('says how many sightings it does not list, and that --json has only the first 1000 of a token seen more often', async () => {
    const out = scanText(await scan(['a.log'], { files: { 'a.log': `${GOOD}\n`.repeat(1002) } }), PLAIN_THEME, DEFAULT);
    expect(out.split('\n').slice(5, 12)).toEqual([
      'eyJhbGciOi… d39de0f0',
      '  seen at a.log:1:1',
      '          a.log:2:1',
      '          a.log:3:1',
      '          a.log:4:1',
      '          a.log:5:1',
      '          … and 997 more (--json lists the first 1000)',
    ]);
  });

  it('names a sighting in a HAR archive by entry and field, and escapes file names', async () => {
    const har = JSON.stringify({
      log: { version: '1.2', entries: [{ request: { method: 'GET', url: 'https://x/', headers: [{ name: 'Authorization', value: `Bearer ${GOOD}` }] } }] },
    });
    const out = scanText(
      await scan(['cap.har', 'lo\u001b[2Jg\u202e.txt'], { files: { 'cap.har': har, 'lo\u001b[2Jg\u202e.txt': GOOD } }),
      PLAIN_THEME,
      DEFAULT,
    );
    expect(out.split('\n').slice(5, 8)).toEqual([
      'eyJhbGciOi… d39de0f0',
      '  seen at cap.har entry 0 request.headers.Authorization',
      String.raw`          lo\u001b[2Jg\u202e.txt:1:1`,
    ]);
  });

  it('counts the files a folder walk skipped', async () => {
    writeFileSync(join(dir, 'app.log'), `${GOOD}\n`);
    writeFileSync(join(dir, 'core.bin'), Buffer.from([0, 1, 2, 3]));
    expect(scanText(await scan([dir], {}), PLAIN_THEME, DEFAULT).split('\n')[0]).toBe(
      '1 distinct token in 1 file (239 B), 1 skipped. Tokens are redacted; --show-tokens shows them.',
    );
  });

  it('colours the table, the verdicts, the findings and the warning of a stopped scan', async () => {
    const stop = new AbortController();
    async function* thenStopped(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${FORGED}\n`);
      stop.abort();
      yield Buffer.from(`${GOOD}\n`);
    }
    const result = await scan([], { stdinStream: thenStopped }, { verify: true, signal: stop.signal });
    expect(visible(scanText(result, await loadTheme(1), DEFAULT))).toMatchInlineSnapshot(`
      "␛[1m␛[33mInterrupted: the tokens found so far.␛[39m␛[22m
      1 distinct token in 1 file (149 B). Tokens are redacted; --show-tokens shows them.

      ␛[1m␛[4mTOKEN                 ALG    KID  ISS  SUB     TIME     KEY      FINDINGS                 SEEN␛[24m␛[22m
      eyJhbGciOi… 0c4337e6  HS256  -    -    user-2  ␛[1m␛[31mexpired␛[39m␛[22m  ␛[1m␛[31minvalid␛[39m␛[22m  1 medium, 2 low, 3 info  1

      ␛[1m␛[4meyJhbGciOi… 0c4337e6␛[24m␛[22m
        seen at -:1:1
        ␛[1m␛[31mINVALID ␛[39m␛[22m signature verification failed ␛[2m[ERR_JWS_SIGNATURE_VERIFICATION_FAILED]␛[22m
        ␛[33mMEDIUM  ␛[39m No audience, or a wildcard␛[2m at payload.aud␛[22m ␛[2m[no-audience]␛[22m

      Findings: 1 medium, 2 low, 3 info
      Verification: 0 valid, 1 invalid, 0 unverifiable (no key fits)
      "
    `);
  });
});

describe('progressLine', () => {
  it('counts bytes in decimal units, files and tokens, and the rate once time has passed', () => {
    expect(progressLine({ files: 2, bytes: 1_234_567, skipped: 0, tokens: 2 }, 2)).toBe('scanning: 1.2 MB in 2 files, 2 tokens, 617.3 kB/s');
    expect(progressLine({ files: 1, bytes: 999, skipped: 3, tokens: 1 }, 0)).toBe('scanning: 999 B in 1 file, 1 token');
    expect(progressLine({ files: 0, bytes: 5_000_000_000_000_000, skipped: 0, tokens: 0 }, 0)).toBe('scanning: 5000.0 TB in 0 files, 0 tokens');
  });

  // KNOWN BUG (see the report of the render tests): a rate under 1000 B/s is printed with all
  // the digits of a double. Drop `.fails` once formatBytes rounds bytes.
  it.fails('prints a slow rate as whole bytes', () => {
    expect(progressLine({ files: 1, bytes: 100, skipped: 0, tokens: 1 }, 3)).toBe('scanning: 100 B in 1 file, 1 token, 33 B/s');
  });
});
