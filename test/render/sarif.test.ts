import { readFileSync } from 'node:fs';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import type { Finding } from '../../src/audit/rule.js';
import { sarifLog, type SarifResult } from '../../src/render/sarif.js';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
import { sarifErrors } from '../helpers/sarif-schema.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));

const NOW = 1_700_000_000;
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
// Anything a terminal acts on or hides (the newline aside): C0/C1 controls (ESC included), DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** One rule of each severity, from the catalogue. */
const RULES = ruleCatalogue().filter((r) => ['alg-none', 'no-expiry', 'no-audience', 'weak-issuer', 'no-jti'].includes(r.id));
/** An unsecured token without exp, aud, iss or jti, whose password claim the rules flag. */
const TOKEN = `${part({ alg: 'none' })}.${part({ sub: 'u1', password: 'hunter22' })}.`;
const FINDINGS = buildReport(decodeToken(TOKEN), { token: TOKEN, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now: NOW, leeway: 0 }).findings;
const finding = (id: string): Finding => FINDINGS.find((f) => f.id === id)!;
const logical = (f: Finding): SarifResult => ({ finding: f, locations: [{ kind: 'logical', name: f.path ?? 'token' }] });

describe('sarifLog', () => {
  it('is a SARIF 2.1.0 log with one run of jwt-inspect, at the version of the package', () => {
    const doc = JSON.parse(sarifLog(RULES, FINDINGS.map(logical)));
    expect(sarifErrors(doc)).toEqual([]);
    expect([doc.$schema, doc.version, doc.runs.length]).toEqual(['https://json.schemastore.org/sarif-2.1.0.json', '2.1.0', 1]);
    expect({ ...doc.runs[0].tool.driver, rules: undefined }).toEqual({
      name: 'jwt-inspect',
      version: PACKAGE_VERSION,
      informationUri: 'https://www.npmjs.com/package/jwt-inspect',
    });
  });

  it('describes every rule: a PascalCase name, title and advice, the level of its severity, its category and security-severity', () => {
    const rules = JSON.parse(sarifLog(RULES, [])).runs[0].tool.driver.rules;
    expect(rules[0]).toEqual({
      id: 'alg-none',
      name: 'AlgNone',
      shortDescription: { text: 'Unsecured alg:none' },
      fullDescription: { text: 'Unsecured alg:none. Never accept alg:none (RFC 7518 §3.6); pin the algorithms a verifier accepts (RFC 8725 §3.1).' },
      help: { text: 'Never accept alg:none (RFC 7518 §3.6); pin the algorithms a verifier accepts (RFC 8725 §3.1).' },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'algorithm', tags: ['security', 'algorithm'], 'security-severity': '9.5' },
    });
    expect(
      rules.map((r: { id: string; name: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }) => [
        r.id,
        r.name,
        r.defaultConfiguration.level,
        r.properties['security-severity'],
      ]),
    ).toEqual([
      ['alg-none', 'AlgNone', 'error', '9.5'],
      ['no-expiry', 'NoExpiry', 'error', '8.0'],
      ['no-audience', 'NoAudience', 'warning', '5.5'],
      ['weak-issuer', 'WeakIssuer', 'note', '3.0'],
      ['no-jti', 'NoJti', 'note', '0.0'],
    ]);
  });

  it('gives each finding its rule, the level of its own severity, a message of title, path, evidence and note, and where it was seen', () => {
    const results = JSON.parse(sarifLog(RULES, [logical(finding('alg-none')), logical(finding('no-audience')), logical(finding('no-jti'))])).runs[0].results;
    expect(results).toEqual([
      {
        ruleId: 'alg-none',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Unsecured alg:none: header.alg: none' },
        locations: [{ logicalLocations: [{ fullyQualifiedName: 'header.alg' }] }],
        properties: { severity: 'critical', category: 'algorithm' },
      },
      {
        ruleId: 'no-audience',
        ruleIndex: 2,
        level: 'warning',
        message: { text: 'No audience, or a wildcard: payload.aud: missing' },
        locations: [{ logicalLocations: [{ fullyQualifiedName: 'payload.aud' }] }],
        properties: { severity: 'medium', category: 'lifetime' },
      },
      {
        ruleId: 'no-jti',
        ruleIndex: 4,
        level: 'note',
        message: { text: 'No jti: payload.jti' },
        locations: [{ logicalLocations: [{ fullyQualifiedName: 'payload.jti' }] }],
        properties: { severity: 'info', category: 'lifetime' },
      },
    ]);
  });

  it('leaves out the rule index of a finding whose rule is not in the table', () => {
    const [result] = JSON.parse(sarifLog(RULES, [logical(finding('sensitive-credential'))])).runs[0].results;
    expect(result).toEqual({
      ruleId: 'sensitive-credential',
      level: 'error',
      message: { text: 'Credential in the token: payload.password: h******2 (8 chars): credential-named claim; confidence low' },
      locations: [{ logicalLocations: [{ fullyQualifiedName: 'payload.password' }] }],
      properties: { severity: 'critical', category: 'sensitive-data' },
    });
  });

  it('places a finding in a file, at a line and column when known, and ties it to a fingerprint when given', () => {
    const f = finding('no-jti');
    const results = JSON.parse(
      sarifLog(RULES, [
        {
          finding: f,
          locations: [
            { kind: 'file', uri: 'logs/app.log', line: 3, column: 14 },
            { kind: 'file', uri: 'logs/app.log', line: 9 },
            { kind: 'file', uri: 'capture.har' },
          ],
          fingerprint: 'abc:no-jti:payload.jti',
        },
      ]),
    ).runs[0].results;
    expect(results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'logs/app.log' }, region: { startLine: 3, startColumn: 14 } } },
      { physicalLocation: { artifactLocation: { uri: 'logs/app.log' }, region: { startLine: 9 } } },
      { physicalLocation: { artifactLocation: { uri: 'capture.har' } } },
    ]);
    expect(results[0].partialFingerprints).toEqual({ 'jwtInspect/v1': 'abc:no-jti:payload.jti' });
    expect(
      sarifErrors(JSON.parse(sarifLog(RULES, [{ finding: f, locations: [{ kind: 'file', uri: 'a.log', line: 1, column: 1 }], fingerprint: 'x' }]))),
    ).toEqual([]);
  });

  it('escapes control characters, ANSI escapes and bidi overrides from the token, as valid JSON', () => {
    const hostile = `${part({ alg: '\u001b[2Jnone\u202e' })}.${part({ sub: 'u1' })}.c2ln`;
    const findings = buildReport(
      decodeToken(hostile),
      { token: hostile, as: 'raw', name: null },
      { from: 'argument', count: 1 },
      { now: NOW, leeway: 0 },
    ).findings;
    const text = sarifLog(ruleCatalogue(), findings.map(logical));
    expect(text).not.toMatch(DANGEROUS);
    const alg = JSON.parse(text).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'alg-unknown');
    expect(alg.message.text).toBe('alg missing, not a string or unknown: header.alg: \u001b[2Jnone\u202e: not in the JWS algorithm registry');
    expect(text.split('\n').filter((l) => l.includes('\\u'))).toEqual([
      String.raw`            "text": "alg missing, not a string or unknown: header.alg: \u001b[2Jnone\u202e: not in the JWS algorithm registry"`,
    ]);
  });
});
