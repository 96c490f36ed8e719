import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, type FakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { sarifErrors } from '../helpers/sarif-schema.js';
import { jws, JWT_IO, SIGNATURE_9 } from '../helpers/tokens.js';

const NOW = ['--now', '1700000000'];
const HAR_PATH = 'test/fixtures/scan/session.har';
const fixture = (path: string) => JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
const HAR_TOKENS: Record<string, string> = fixture('scan/tokens.json');
const KEYED: Record<string, string> = fixture('keys/tokens.json').tokens;
/** No findings at high or above; its 9-byte signature is the signature-size finding below. */
const CALM = jws(
  { alg: 'HS256', typ: 'JWT', kid: 'k1' },
  { iss: 'https://idp.example', sub: 'alice', aud: 'api', iat: 1_699_999_000, exp: 1_700_000_500, jti: 'j1' },
  SIGNATURE_9,
);
const NONE = jws({ alg: 'none' }, { sub: 'admin' }, '');
const LOG = `boot\nGET /cb?access_token=${CALM}&x=1\n{"id_token":"${NONE}"}\nAuthorization: Bearer ${CALM}\n`;

async function run(argv: string[], options: FakeIoOptions = {}, io: FakeIo = fakeIo({ files: { 'app.log': LOG }, ...options })) {
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('scan', () => {
  it('prints a table of distinct tokens, their locations and findings, redacted', async () => {
    const { code, out, err } = await run(['scan', ...NOW, 'app.log']);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).not.toContain(CALM);
    expect(out).toMatchInlineSnapshot(`
      "2 distinct tokens in 1 file (509 B). Tokens are redacted; --show-tokens shows them.

      TOKEN                 ALG    KID  ISS                  SUB    TIME       FINDINGS                                     SEEN
      eyJhbGciOi… cd49acb7  HS256  k1   https://idp.example  alice  valid      1 medium, 1 low, 1 info                      2
      eyJhbGciOi… 79213de5  none   -    -                    admin  no-expiry  1 critical, 1 high, 1 medium, 2 low, 2 info  1

      eyJhbGciOi… cd49acb7
        seen at app.log:2:22
                app.log:4:23
        MEDIUM   Signature size does not fit alg at signature [signature-size]

      eyJhbGciOi… 79213de5
        seen at app.log:3:14
        CRITICAL Unsecured alg:none at header.alg [alg-none]
        HIGH     No expiry at payload.exp [no-expiry]
        MEDIUM   No audience, or a wildcard at payload.aud [no-audience]

      Findings: 1 critical, 1 high, 2 medium, 3 low, 3 info
      "
    `);
  });

  it('prints the contract document with --json', async () => {
    const { code, out } = await run(['scan', '--json', ...NOW, 'app.log']);
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    const severities: string[] = doc.tokens.flatMap((t: { findings: Array<{ severity: string }> }) => t.findings.map((f) => f.severity));
    const count = (s: string) => severities.filter((x) => x === s).length;
    expect(doc.summary).toEqual({
      files: 1,
      bytes: Buffer.byteLength(LOG),
      skipped: 0,
      tokens: 2,
      findings: { critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low'), info: count('info') },
      verification: null,
      stopped: false,
    });
    expect(count('critical')).toBe(1);
    const [calm] = doc.tokens;
    expect(Object.keys(calm)).toEqual([
      'sha256',
      'redacted',
      'token',
      'kind',
      'occurrences',
      'locations',
      'header',
      'payload',
      'time',
      'findings',
      'verification',
    ]);
    expect(calm).toMatchObject({
      redacted: 'eyJhbGciOi…',
      token: null,
      kind: 'JWS',
      occurrences: 2,
      locations: [
        { file: 'app.log', line: 2, column: 22 },
        { file: 'app.log', line: 4, column: 23 },
      ],
      header: { alg: 'HS256', typ: 'JWT', kid: 'k1' },
      payload: { sub: 'alice' },
      time: { now: 1700000000, status: 'valid' },
      verification: null,
    });
    expect(calm.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows whole tokens with --show-tokens', async () => {
    const doc = JSON.parse((await run(['scan', '--json', '--show-tokens', ...NOW, 'app.log'])).out);
    expect(doc.tokens.map((t: { token: string }) => t.token)).toEqual([CALM, NONE]);
    expect((await run(['scan', '--show-tokens', ...NOW, 'app.log'])).out).toContain(CALM);
  });

  it('streams one line per distinct token with --jsonl', async () => {
    const { out } = await run(['scan', '--jsonl', ...NOW, 'app.log']);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.header.alg, l.locations])).toEqual([
      ['HS256', [{ file: 'app.log', line: 2, column: 22 }]],
      ['none', [{ file: 'app.log', line: 3, column: 14 }]],
    ]);
  });

  it('writes valid SARIF 2.1.0 pointing at file, line and column', async () => {
    const { out } = await run(['scan', '--format', 'sarif', ...NOW, 'app.log']);
    const doc = JSON.parse(out);
    expect(sarifErrors(doc)).toEqual([]);
    const result = doc.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'alg-none');
    expect(result.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'app.log' }, region: { startLine: 3, startColumn: 14 } } }]);
    expect(result.level).toBe('error');
  });

  it.each([
    [['--fail-on', 'none'], 0],
    [['--fail-on', 'critical'], 1],
    [[], 1],
  ])('exits by --fail-on %j: %i', async (flags, expected) => {
    expect((await run(['scan', '-q', ...NOW, ...flags, 'app.log'])).code).toBe(expected);
  });

  it('exits 0 when nothing reaches --fail-on, and says when no token was found', async () => {
    expect((await run(['scan', ...NOW, '-'], { stdin: `Bearer ${CALM}` })).code).toBe(0);
    const { code, out } = await run(['scan', ...NOW], { stdin: 'nothing here' });
    expect(code).toBe(0);
    expect(out).toBe('No tokens found in 1 file (12 B).\n');
  });

  it('names HAR locations by entry and field', async () => {
    const doc = JSON.parse((await run(['scan', '--json', '--now', '2026-01-15T12:05:00Z', HAR_PATH])).out);
    const session = doc.tokens.find((t: { locations: Array<{ field?: string }> }) => t.locations[0]!.field === 'request.headers.cookie');
    expect(session.locations).toEqual([
      { file: HAR_PATH, entry: 0, field: 'request.headers.cookie' },
      { file: HAR_PATH, entry: 0, field: 'request.cookies.session' },
    ]);
    expect(session.findings.map((f: { id: string }) => f.id)).toContain('weak-secret');
    expect(doc.tokens).toHaveLength(Object.keys(HAR_TOKENS).length);
  });

  it('prints help and exits 2 with no path and a terminal on stdin', async () => {
    const { code, err } = await run(['scan'], { stdinIsTTY: true });
    expect(code).toBe(2);
    expect(err).toContain('Usage: jwt-inspect scan');
  });

  it('exits 3 for a path that does not exist', async () => {
    const { code, err } = await run(['scan', 'no/such/file.log']);
    expect(code).toBe(3);
    expect(err).toMatch(/^jwt-inspect: cannot read no\/such\/file.log \(ENOENT\)/);
  });

  it('stops quietly when the reader of the output goes away', async () => {
    const io = fakeIo({ stdinIsTTY: false, stdoutClosesAfter: 1, stdinStream: () => endless(`${CALM}\n`, NONE) });
    const { code, out, err } = await run(['scan', '--jsonl', ...NOW], {}, io);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toBe('');
  });

  it('prints what was found so far and exits 130 on Ctrl-C', async () => {
    const io: FakeIo = fakeIo({
      stdinStream: async function* () {
        yield Buffer.from(`${JWT_IO}\n`);
        io.interrupt();
        await new Promise(() => undefined);
      },
    });
    const { code, out, err } = await run(['scan', '--json', ...NOW, '-'], {}, io);
    expect(code).toBe(130);
    expect(JSON.parse(out).tokens).toHaveLength(1);
    expect(JSON.parse(out).summary.stopped).toBe(true);
    expect(err).toMatch(/interrupted after 1 files/);
  });

  it('draws a progress line on a terminal stderr and clears it', async () => {
    const { err } = await run(['scan', '--json', ...NOW, 'app.log'], { stderrIsTTY: true });
    expect(err.startsWith(`\rscanning: ${Buffer.byteLength(LOG)} B in 1 file, 2 tokens\u001b[K`)).toBe(true);
    expect(err.endsWith('\r\u001b[K')).toBe(true);
  });
});

describe('scan with a key', () => {
  const JWKS = ['--jwks', 'test/fixtures/keys/jwks.json'];
  const names = ['RS256', 'RS256-tampered', 'RS256-expired-wrong-audience', 'RS256-rotated', 'HS256'];
  const log = names.map((n, i) => `line ${i} token=${KEYED[n]}`).join('\n');

  it('verifies every token and counts valid, invalid and unverifiable ones', async () => {
    const { code, out } = await run(['scan', '--json', '--fail-on', 'none', ...NOW, ...JWKS, 'keyed.log'], { files: { 'keyed.log': log } });
    const doc = JSON.parse(out);
    expect(doc.summary.verification).toEqual({ valid: 1, invalid: 2, unverifiable: 2 });
    const byLine = (line: number) => doc.tokens.find((t: { locations: Array<{ line: number }> }) => t.locations[0]!.line === line).verification;
    expect(byLine(1)).toMatchObject({ valid: true, alg: 'RS256', key: { source: 'jwks', kid: 'rsa-1' }, error: null });
    expect(byLine(2).error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(byLine(3).error.code).toBe('ERR_JWT_EXPIRED');
    expect(byLine(4).error.code).toBe('ERR_JWKS_NO_MATCHING_KEY');
    // A bad signature under a key that fits fails the scan, whatever --fail-on says.
    expect(code).toBe(1);
  });

  it('does not fail the scan for expired or unverifiable tokens', async () => {
    const calm = [KEYED['RS256'], KEYED['RS256-expired-wrong-audience'], KEYED['RS256-rotated']].join('\n');
    const { code, out } = await run(['scan', '--fail-on', 'none', ...NOW, ...JWKS, 'calm.log'], { files: { 'calm.log': calm } });
    expect(code).toBe(0);
    expect(out).toContain('Verification: 1 valid, 1 invalid, 1 unverifiable (no key fits)');
    expect(out).toMatch(/INVALID +"exp" claim timestamp check failed/);
  });

  it('streams tokens with --jsonl in the order first seen, each as first seen, once verified', async () => {
    const repeated = [...names, ...names].map((n, i) => `line ${i} token=${KEYED[n]}`).join('\n');
    const { out } = await run(['scan', '--jsonl', '--fail-on', 'none', ...NOW, ...JWKS, 'keyed.log'], { files: { 'keyed.log': repeated } });
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.occurrences, l.locations])).toEqual(names.map((_, i) => [1, [{ file: 'keyed.log', line: i + 1, column: 14 }]]));
    expect(lines.map((l) => l.verification?.valid ?? null)).toEqual([true, false, false, false, false]);
  });

  it('refuses --key - when the tokens come from stdin too', async () => {
    const { code, err } = await run(['scan', '--key', '-', ...NOW], { stdin: 'x' });
    expect(code).toBe(2);
    expect(err).toContain('--key - reads the key from stdin');
  });
});

/** A stdin that never ends: the first text, then the second over and over. */
async function* endless(first: string, then: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(first);
  for (;;) yield Buffer.from(`${then}\n`);
}
