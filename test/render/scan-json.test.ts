import { createHash, createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { loadKeySet } from '../../src/keys/load.js';
import { redactedToken, scanJsonLine, writeScanJson } from '../../src/render/scan-json.js';
import { tokenExaminer } from '../../src/scan/examiner.js';
import { pathFilter } from '../../src/scan/filter.js';
import { scanPaths, type ScanResult } from '../../src/scan/scan.js';
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
// Anything a terminal acts on or hides (the newline aside): C0/C1 controls (ESC included), DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const GOOD = hs256('{"sub":"user-1","aud":"api","iat":1699999940,"exp":1700000600,"n":12345678901234567890}', SECRET, { alg: 'HS256', kid: 'k1' });
const NONE = `${part({ alg: 'none' })}.${part({ sub: 'ad\u202emin\u001b[2J' })}.`;
const TEXT = `${part({ alg: 'HS256' })}.${part('hello')}.${encode(new Uint8Array(32))}`;
const JWE = `${part({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y3Q.dGFn`;
const LOG = [`Authorization: Bearer ${GOOD}`, `x ${NONE} y`, GOOD, TEXT, JWE, ''].join('\n');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
function tally(severities: string[]): Record<string, number> {
  const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const s of severities) counts[s]!++;
  return counts;
}

/** A scan as the scan command runs it for JSON output (details kept), verified against SECRET on request. */
async function scan(files: Record<string, string>, verify = false, keepDetails = true): Promise<ScanResult> {
  const io = fakeIo({ env: { JWT_SECRET: SECRET }, files });
  const keys = await loadKeySet(
    io,
    { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false },
    { timeoutMs: 1000, allowHttp: false, ca: null, useCache: false, note: () => {} },
  );
  const policy = { now: NOW, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
  return scanPaths(io, {
    paths: Object.keys(files),
    filter: pathFilter([], []),
    examine: tokenExaminer({ now: NOW, leeway: 0 }, verify ? tokenVerifier(keys, policy) : null, keepDetails),
    verifies: verify,
    signal: new AbortController().signal,
    outputClosed: () => false,
  });
}
function written(result: ScanResult, showTokens: boolean): { pieces: string[]; text: string } {
  const pieces: string[] = [];
  writeScanJson(result, showTokens, (t) => pieces.push(t));
  return { pieces, text: pieces.join('') };
}

describe('writeScanJson', () => {
  it('writes every token (redacted), where it was seen, its parts, times, findings and verification, then the summary', async () => {
    const { text } = written(await scan({ 'app.log': LOG }, true), false);
    const doc = JSON.parse(text);
    expect(doc.tokens[0]).toEqual({
      sha256: sha256(GOOD),
      redacted: 'eyJhbGciOi…',
      token: null,
      kind: 'JWS',
      occurrences: 2,
      locations: [
        { file: 'app.log', line: 1, column: 23 },
        { file: 'app.log', line: 3, column: 1 },
      ],
      header: { alg: 'HS256', kid: 'k1' },
      payload: { sub: 'user-1', aud: 'api', iat: 1699999940, exp: 1700000600, n: 12345678901234567000 },
      time: {
        now: NOW,
        status: 'valid',
        iat: { value: 1699999940, iso: '2023-11-14T22:12:20.000Z', relative: '1 minute ago' },
        nbf: null,
        exp: { value: 1700000600, iso: '2023-11-14T22:23:20.000Z', relative: 'in 10 minutes' },
        auth_time: null,
        expiresIn: 600,
        lifetime: 660,
      },
      findings: doc.tokens[0].findings,
      verification: { valid: true, alg: 'HS256', key: { source: 'secret', kid: null, thumbprint: null }, error: null, errors: [], warnings: [] },
    });
    expect(doc.tokens[0].findings.map((f: { id: string }) => f.id)).toEqual(['weak-issuer', 'alg-hmac', 'typ-missing', 'no-jti']);
    expect(
      doc.tokens.map((t: { kind: string; occurrences: number; verification: { valid: boolean } | null }) => [
        t.kind,
        t.occurrences,
        t.verification?.valid ?? null,
      ]),
    ).toEqual([
      ['JWS', 2, true],
      ['unsecured', 1, false],
      ['JWS', 1, false],
      ['JWE', 1, null],
    ]);
    expect(doc.summary).toEqual({
      files: 1,
      bytes: Buffer.byteLength(LOG),
      skipped: 0,
      tokens: 4,
      // The findings of every token, counted by severity.
      findings: tally(doc.tokens.flatMap((t: { findings: { severity: string }[] }) => t.findings.map((f) => f.severity))),
      verification: { valid: 1, invalid: 2, unverifiable: 1 },
      stopped: false,
    });
    expect(text).not.toContain(GOOD);
    expect(text).not.toContain(SECRET);
  });

  it('prints the tokens themselves only with --show-tokens', async () => {
    const doc = JSON.parse(written(await scan({ 'app.log': `${GOOD}\n` }), true).text);
    expect([doc.tokens[0].token, doc.tokens[0].redacted, doc.summary.verification]).toEqual([GOOD, 'eyJhbGciOi…', null]);
  });

  it('keeps the digits of the token, and gives a payload that is not an object as payloadText only', async () => {
    const { text } = written(await scan({ 'app.log': LOG }), false);
    expect(text.split('\n').filter((l) => /^ {6}"payload|"n": /.test(l))).toEqual([
      '      "payload": {',
      '        "n": 12345678901234567890',
      '      "payload": {',
      '      "payload": null,',
      '      "payloadText": "hello",',
      '      "payload": null,',
    ]);
  });

  it('escapes control characters, ANSI escapes and bidi overrides from the tokens and file names', async () => {
    const { text } = written(await scan({ 'lo\u001b[2Jg\u202e.txt': NONE }), false);
    expect(text).not.toMatch(DANGEROUS);
    expect(text.split('\n').filter((l) => l.includes('\\u'))).toEqual([
      String.raw`          "file": "lo\u001b[2Jg\u202e.txt",`,
      String.raw`        "sub": "ad\u202emin\u001b[2J"`,
    ]);
    const doc = JSON.parse(text);
    expect([doc.tokens[0].locations[0].file, doc.tokens[0].payload.sub]).toEqual(['lo\u001b[2Jg\u202e.txt', 'ad\u202emin\u001b[2J']);
  });

  it('hands the document on in pieces, the last one a newline, for a scan of many tokens', async () => {
    const many = Array.from({ length: 300 }, (_, i) => hs256({ sub: `user-${i}` }, SECRET)).join('\n');
    const result = await scan({ 'many.log': many });
    const { pieces, text } = written(result, false);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.at(-1)).toBe('\n');
    expect(JSON.parse(text).tokens).toHaveLength(300);
  });

  it('writes an empty scan as no tokens and zero counts', async () => {
    expect(JSON.parse(written(await scan({ 'empty.log': 'no token\n' }), false).text)).toEqual({
      tokens: [],
      summary: {
        files: 1,
        bytes: 9,
        skipped: 0,
        tokens: 0,
        findings: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
        verification: null,
        stopped: false,
      },
    });
  });

  it('refuses a scan that did not keep the details JSON prints', async () => {
    const result = await scan({ 'app.log': GOOD }, false, false);
    expect(() => written(result, false)).toThrow('a scanned token has no details: the scan was not set up for JSON output');
  });
});

describe('scanJsonLine', () => {
  it('is one token entry on one line, as the document has it', async () => {
    const result = await scan({ 'app.log': LOG });
    const line = scanJsonLine(result.tokens[3]!, false);
    expect(line).toBe(
      `{"sha256":"${sha256(JWE)}","redacted":"eyJhbGciOi…","token":null,"kind":"JWE","occurrences":1,"locations":[{"file":"app.log","line":5,"column":1}],` +
        `"header":{"alg":"dir","enc":"A128GCM"},"payload":null,"time":{"now":1700000000,"status":"no-expiry","iat":null,"nbf":null,"exp":null,"auth_time":null,"expiresIn":null,"lifetime":null},` +
        `"findings":${JSON.stringify(JSON.parse(written(result, false).text).tokens[3].findings)},"verification":null}\n`,
    );
    expect(JSON.parse(line)).toEqual(JSON.parse(written(result, false).text).tokens[3]);
  });
});

describe('redactedToken', () => {
  it('keeps the first ten characters: enough to tell a JWT, too little to use it', () => {
    expect(redactedToken(GOOD)).toBe('eyJhbGciOi…');
    expect(redactedToken('short')).toBe('short…');
  });
});
