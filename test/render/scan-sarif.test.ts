import { createHash, createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { scanSarif } from '../../src/render/scan-sarif.js';
import { tokenExaminer } from '../../src/scan/examiner.js';
import { pathFilter } from '../../src/scan/filter.js';
import { scanPaths, type ScanResult } from '../../src/scan/scan.js';
import { fakeIo } from '../helpers/fake-io.js';
import { sarifErrors } from '../helpers/sarif-schema.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
/** Findings: no-audience (medium) at payload.aud, weak-issuer (low) at payload.iss, alg-hmac and no-jti (info). */
const TOKEN = hs256({ sub: 'u1', iat: NOW - 60, exp: NOW + 600 }, 'a-long-enough-random-secret-0123456789');
const FINGERPRINT = createHash('sha256').update(TOKEN).digest('hex').slice(0, 32);

/** A scan as the scan command runs it for SARIF output (no details kept), over files given by name. */
function scan(files: Record<string, string>): Promise<ScanResult> {
  return scanPaths(fakeIo({ files }), {
    paths: Object.keys(files),
    filter: pathFilter([], []),
    examine: tokenExaminer({ now: NOW, leeway: 0 }, null, false),
    verifies: false,
    signal: new AbortController().signal,
    outputClosed: () => false,
  });
}
type Result = { ruleId: string; level: string; locations: unknown[]; partialFingerprints: Record<string, string> };
const results = (text: string): Result[] => JSON.parse(text).runs[0].results;
const uris = (text: string): string[] =>
  results(text)[0]!.locations.map((l) => (l as { physicalLocation: { artifactLocation: { uri: string } } }).physicalLocation.artifactLocation.uri);

describe('scanSarif', () => {
  it('is valid SARIF 2.1.0 with every rule audit has', async () => {
    const doc = JSON.parse(scanSarif(await scan({ 'logs/app.log': `${TOKEN}\n` })));
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleCatalogue().map((r) => r.id));
  });

  it('gives one result per finding of each token, at every line and column the token was seen, tied to the token by its hash', async () => {
    const text = scanSarif(await scan({ 'logs/app.log': `start\nAuthorization: Bearer ${TOKEN}\n${TOKEN}\n` }));
    const all = results(text);
    expect(all.map((r) => [r.ruleId, r.level, r.partialFingerprints])).toEqual([
      ['no-audience', 'warning', { 'jwtInspect/v1': `${FINGERPRINT}:no-audience:payload.aud` }],
      ['weak-issuer', 'note', { 'jwtInspect/v1': `${FINGERPRINT}:weak-issuer:payload.iss` }],
      ['alg-hmac', 'note', { 'jwtInspect/v1': `${FINGERPRINT}:alg-hmac:header.alg` }],
      ['no-jti', 'note', { 'jwtInspect/v1': `${FINGERPRINT}:no-jti:payload.jti` }],
    ]);
    expect(new Set(all.map((r) => JSON.stringify(r.locations)))).toEqual(
      new Set([
        JSON.stringify([
          { physicalLocation: { artifactLocation: { uri: 'logs/app.log' }, region: { startLine: 2, startColumn: 23 } } },
          { physicalLocation: { artifactLocation: { uri: 'logs/app.log' }, region: { startLine: 3, startColumn: 1 } } },
        ]),
      ]),
    );
  });

  it('places a sighting in a HAR archive in the file, without a region (the entry and field are in the JSON output)', async () => {
    const har = JSON.stringify({
      log: { version: '1.2', entries: [{ request: { method: 'GET', url: 'https://x/', headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }] } }] },
    });
    const text = scanSarif(await scan({ 'capture.har': har }));
    expect(sarifErrors(JSON.parse(text))).toEqual([]);
    expect(results(text)[0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'capture.har' } } }]);
  });

  it('writes file paths as URIs: relative ones stay relative and use /, absolute ones become file:// URIs, percent-encoded', async () => {
    expect(uris(scanSarif(await scan({ 'logs\\win dows\\app.log': TOKEN })))).toEqual(['logs/win%20dows/app.log']);
    expect(uris(scanSarif(await scan({ '/var/log/my app/é.log': TOKEN })))).toEqual(['file:///var/log/my%20app/%C3%A9.log']);
    expect(uris(scanSarif(await scan({ 'logs/100%.log': TOKEN })))).toEqual(['logs/100%25.log']);
  });

  // KNOWN BUG (see the report of the render tests): encodeURI leaves `#` and `?` as they are,
  // so a file named `a#1.log` becomes the URI `a` with the fragment `1.log`. Drop `.fails` once
  // scan-sarif.ts encodes them.
  it.fails('percent-encodes # and ? in a file name, which would otherwise start a fragment or a query', async () => {
    expect(uris(scanSarif(await scan({ 'logs/a#1?.log': TOKEN })))).toEqual(['logs/a%231%3F.log']);
  });

  it('is a log with no results when the scan found nothing', async () => {
    const doc = JSON.parse(scanSarif(await scan({ 'empty.log': 'no token here\n' })));
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0].results).toEqual([]);
  });
});
