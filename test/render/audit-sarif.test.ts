import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { auditInput } from '../../src/audit/input.js';
import { keyFacts, suppliedSecret } from '../../src/audit/key-facts.js';
import type { Finding } from '../../src/audit/rule.js';
import { loadKeySet } from '../../src/keys/load.js';
import { auditSarif } from '../../src/render/audit-sarif.js';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
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
const findingsOf = (compact: string): readonly Finding[] =>
  buildReport(decodeToken(compact), { token: compact, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now: NOW, leeway: 0 }).findings;

/** A token with a credential in its claims and no expiry. */
const LEAKY = hs256(
  { sub: 'u1', password: 'hunter22', iss: 'https://issuer.example', aud: 'api', jti: 'j1', iat: NOW - 60 },
  'a-long-enough-random-secret-0123456789',
);

describe('auditSarif', () => {
  it('lists every rule audit has, in catalogue order, and is valid SARIF 2.1.0', () => {
    const doc = JSON.parse(auditSarif(findingsOf(LEAKY), null, 'token'));
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleCatalogue().map((r) => r.id));
  });

  it('gives one result per finding, at its path in the token, pointing at its rule', () => {
    const findings = findingsOf(LEAKY);
    const doc = JSON.parse(auditSarif(findings, null, 'token'));
    const rules = doc.runs[0].tool.driver.rules;
    expect(
      doc.runs[0].results.map((r: { ruleId: string; ruleIndex: number; level: string; locations: unknown }) => [
        r.ruleId,
        rules[r.ruleIndex].id,
        r.level,
        r.locations,
      ]),
    ).toEqual([
      ['sensitive-credential', 'sensitive-credential', 'error', [{ logicalLocations: [{ fullyQualifiedName: 'payload.password' }] }]],
      ['no-expiry', 'no-expiry', 'error', [{ logicalLocations: [{ fullyQualifiedName: 'payload.exp' }] }]],
      ['alg-hmac', 'alg-hmac', 'note', [{ logicalLocations: [{ fullyQualifiedName: 'header.alg' }] }]],
    ]);
    expect(findings.map((f) => f.id)).toEqual(['sensitive-credential', 'no-expiry', 'alg-hmac']);
    expect(doc.runs[0].results[0]).toEqual({
      ruleId: 'sensitive-credential',
      ruleIndex: rules.findIndex((r: { id: string }) => r.id === 'sensitive-credential'),
      level: 'error',
      message: { text: 'Credential in the token: payload.password: h******2 (8 chars): credential-named claim; confidence low' },
      locations: [{ logicalLocations: [{ fullyQualifiedName: 'payload.password' }] }],
      properties: { severity: 'critical', category: 'sensitive-data' },
    });
  });

  it('places every result in the file the token was read from', () => {
    const doc = JSON.parse(auditSarif(findingsOf(LEAKY), 'tokens/leaky.txt', 'token'));
    expect(doc.runs[0].results.map((r: { locations: unknown }) => r.locations)).toEqual([
      [{ physicalLocation: { artifactLocation: { uri: 'tokens/leaky.txt' } } }],
      [{ physicalLocation: { artifactLocation: { uri: 'tokens/leaky.txt' } } }],
      [{ physicalLocation: { artifactLocation: { uri: 'tokens/leaky.txt' } } }],
    ]);
  });

  it('names the input for a finding of the input rules, which has no path', () => {
    const findings = auditInput('a.b.c.d');
    const doc = JSON.parse(auditSarif(findings, null, 'input'));
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0].results).toEqual([
      {
        ruleId: 'not-compact',
        ruleIndex: ruleCatalogue().findIndex((r) => r.id === 'not-compact'),
        level: 'warning',
        message: { text: 'Not compact JWS/JWE: 4 parts: a JWS has 3 dot-separated parts, a JWE 5' },
        locations: [{ logicalLocations: [{ fullyQualifiedName: 'input' }] }],
        // The category of the format rules is moving; it is the rule's own.
        properties: { severity: 'medium', category: findings[0]!.category },
      },
    ]);
  });

  it('is a log with no results when there are no findings', () => {
    const doc = JSON.parse(auditSarif([], null, 'token'));
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0].results).toEqual([]);
  });

  it('shows the secret audit was given only masked', async () => {
    const secret = 'correct-horse';
    const token = hs256({ sub: 'u1', exp: NOW + 600 }, secret);
    const keys = await loadKeySet(
      fakeIo({ env: { JWT_SECRET: secret } }),
      { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false },
      {
        timeoutMs: 1000,
        allowHttp: false,
        ca: null,
        useCache: false,
        note: () => {},
      },
    );
    const key = await keyFacts(decodeToken(token), keys, false);
    const report = buildReport(
      decodeToken(token),
      { token, as: 'raw', name: null },
      { from: 'argument', count: 1 },
      { now: NOW, leeway: 0, key, secret: suppliedSecret(key)! },
    );
    const text = auditSarif(report.findings, null, 'token');
    const messages = JSON.parse(text)
      .runs[0].results.filter((r: { ruleId: string }) => r.ruleId.includes('secret'))
      .map((r: { message: { text: string } }) => r.message.text);
    expect(messages).toEqual([
      'Supplied secret too short: secret: 13 bytes; HS256 needs 32',
      'Supplied secret is password-like: secret: c***********e (13 chars): at most 76 bits (charset × length), under 160',
    ]);
    expect(text).not.toContain(secret);
  });
});
