import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { auditInput } from '../../src/audit/input.js';
import { runChecks } from '../../src/cli/check-options.js';
import { parseExpectation } from '../../src/claims/expect.js';
import { checksJson, findingJson, inputErrorJson, reportJson, timeJson } from '../../src/render/report-json.js';
import { buildReport, type Checked, type InspectReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
import type { FoundToken } from '../../src/token/extract.js';
import { decodeJsonPart } from '../../src/token/part.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const SECRET = 'a-long-enough-random-secret-0123456789';
// Anything a terminal acts on or hides (the newline aside): C0/C1 controls (ESC included), DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function build(compact: string, checked: Checked = {}, found: Partial<FoundToken> = {}): InspectReport {
  return buildReport(
    decodeToken(compact),
    { token: compact, as: 'raw', name: null, ...found },
    { from: 'stdin', count: 2 },
    { now: NOW, leeway: 0, ...checked },
  );
}

const ACCESS = hs256({ iss: 'https://issuer.example', sub: 'u1', aud: 'api', iat: NOW - 60, exp: NOW + 600 }, SECRET, {
  alg: 'HS256',
  typ: 'at+jwt',
  kid: 'k1',
});

describe('reportJson', () => {
  it('is the report of docs/output.md: token, parts, signature, times, findings, expectations, verification, inner', () => {
    expect(reportJson(build(ACCESS, {}, { as: 'bearer' }))).toMatchInlineSnapshot(`
      "{
        "token": {
          "kind": "JWS",
          "bytes": 219,
          "source": {
            "from": "stdin",
            "as": "bearer",
            "name": null,
            "count": 2
          }
        },
        "header": {
          "alg": "HS256",
          "typ": "at+jwt",
          "kid": "k1"
        },
        "payload": {
          "iss": "https://issuer.example",
          "sub": "u1",
          "aud": "api",
          "iat": 1699999940,
          "exp": 1700000600
        },
        "signature": {
          "alg": "HS256",
          "bytes": 32,
          "verified": false
        },
        "time": {
          "now": 1700000000,
          "status": "valid",
          "iat": {
            "value": 1699999940,
            "iso": "2023-11-14T22:12:20.000Z",
            "relative": "1 minute ago"
          },
          "nbf": null,
          "exp": {
            "value": 1700000600,
            "iso": "2023-11-14T22:23:20.000Z",
            "relative": "in 10 minutes"
          },
          "auth_time": null,
          "expiresIn": 600,
          "lifetime": 660
        },
        "findings": [
          {
            "id": "at-jwt-incomplete",
            "severity": "medium",
            "category": "lifetime",
            "title": "RFC 9068 profile incomplete",
            "path": "payload",
            "evidence": "missing client_id, jti",
            "note": null,
            "advice": "An at+jwt access token MUST carry iss, exp, aud, sub, client_id, iat and jti (RFC 9068 §2.2)."
          },
          {
            "id": "alg-hmac",
            "severity": "info",
            "category": "algorithm",
            "title": "Symmetric MAC in use",
            "path": "header.alg",
            "evidence": "HS256",
            "note": null,
            "advice": "Every verifier holds the signing secret and it can be cracked offline; prefer a signature unless issuer = audience."
          },
          {
            "id": "no-jti",
            "severity": "info",
            "category": "lifetime",
            "title": "No jti",
            "path": "payload.jti",
            "evidence": null,
            "note": null,
            "advice": "Without jti there is no handle to revoke or detect the replay of one token (RFC 9068 §2.2)."
          }
        ],
        "expectations": [],
        "verification": null,
        "inner": null
      }
      "
    `);
  });

  it('keeps the digits, member order and duplicate names of the token, in the parts and in the times', () => {
    const text = '{"sub":"u1","exp":1700000600.50,"n":12345678901234567890,"sub":"u2","iat":1.6999999e9}';
    const doc = reportJson(build(jws({ alg: 'HS256' }, text)));
    const payload = doc.slice(doc.indexOf('  "payload"'), doc.indexOf('  "signature"'));
    expect(payload).toBe(
      [
        '  "payload": {',
        '    "sub": "u1",',
        '    "exp": 1700000600.50,',
        '    "n": 12345678901234567890,',
        '    "sub": "u2",',
        '    "iat": 1.6999999e9',
        '  },',
        '',
      ].join('\n'),
    );
    const exp = doc.slice(doc.indexOf('    "exp": {'), doc.indexOf('    "auth_time"'));
    expect(exp).toBe(
      ['    "exp": {', '      "value": 1700000600.50,', '      "iso": "2023-11-14T22:23:20.500Z",', '      "relative": "in 10 minutes"', '    },', ''].join(
        '\n',
      ),
    );
  });

  it('escapes control characters, ANSI escapes and bidi overrides as JSON escapes, and the strings still parse back the same', () => {
    const claims = { 'ad\u202emin': '\u001b]0;title\u0007', sub: '\u009b31m\u2066x' };
    const doc = reportJson(build(jws({ alg: 'HS256', kid: 'k\u001b[2J' }, claims), {}, { as: 'cookie', name: 'se\u202ession' }));
    expect(doc).not.toMatch(DANGEROUS);
    const parsed = JSON.parse(doc);
    expect(parsed.payload).toEqual(claims);
    expect(parsed.header.kid).toBe('k\u001b[2J');
    expect(parsed.token.source.name).toBe('se\u202ession');
    expect(doc.split('\n').filter((l) => l.includes('\\u'))).toEqual([
      String.raw`      "name": "se\u202ession",`,
      String.raw`    "kid": "k\u001b[2J"`,
      String.raw`    "ad\u202emin": "\u001b]0;title\u0007",`,
      String.raw`    "sub": "\u009b31m\u2066x"`,
      String.raw`      "evidence": "k\u001b[2J",`,
    ]);
  });

  it('carries what verify and the checks found, when given', () => {
    const report = build(ACCESS);
    const checks = runChecks(report, { expect: ['sub=u1', 'aud=web'].map(parseExpectation) }, NOW);
    const doc = JSON.parse(reportJson(report, { expectations: checksJson(checks), verification: { valid: true } }));
    expect(doc.expectations).toEqual([
      { expr: 'sub=u1', pass: true, expected: '"u1"', actual: 'u1' },
      { expr: 'aud=web', pass: false, expected: '"web"', actual: 'api', message: 'payload.aud is "api", expected "web"' },
    ]);
    expect(doc.verification).toEqual({ valid: true });
  });

  it('shows a JWE with a null payload and signature, and its decrypted claims as inner', () => {
    const jwe = `${encode('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y3Q.dGFn`;
    const sealed = JSON.parse(reportJson(build(jwe)));
    expect([sealed.token.kind, sealed.payload, sealed.signature, sealed.inner]).toEqual(['JWE', null, null, null]);
    expect('payloadText' in sealed || 'payloadBase64url' in sealed).toBe(false);

    const plaintext = new TextEncoder().encode('{"sub":"opened","exp":1700000060}');
    const decoded = decodeJsonPart(plaintext);
    const claims = decoded.json?.type === 'object' ? decoded.json : null;
    const opened = JSON.parse(reportJson(build(jwe, { opened: { kind: 'plaintext', plaintext, part: decoded, claims, authenticated: true } })));
    expect(opened.inner).toEqual({ header: { alg: 'dir', enc: 'A128GCM' }, payload: { sub: 'opened', exp: 1700000060 }, signature: null });
    expect(opened.time.exp.value).toBe(1700000060);
  });

  it('shows a nested JWT as inner, with its own signature', () => {
    const inner = jws({ alg: 'HS256' }, { sub: 'inner' }, encode(new Uint8Array(32)));
    const doc = JSON.parse(
      reportJson(build(`${part('{"alg":"HS256","cty":"JWT"}')}.${part(inner)}.${encode('outer')}`, { signatures: { token: true, inner: false } })),
    );
    expect(doc.signature).toEqual({ alg: 'HS256', bytes: 5, verified: true });
    expect(doc.inner).toEqual({ header: { alg: 'HS256' }, payload: { sub: 'inner' }, signature: { alg: 'HS256', bytes: 32, verified: false } });
  });

  it('gives a payload that is not a JSON object as payloadText, or as payloadBase64url when it is not UTF-8', () => {
    const text = JSON.parse(reportJson(build(jws({ alg: 'HS256' }, 'hello'))));
    expect([text.payload, text.payloadText, 'payloadBase64url' in text]).toEqual([null, 'hello', false]);
    const binary = JSON.parse(reportJson(build(`${part({ alg: 'HS256' })}.${encode(Uint8Array.of(0xff, 0xfe))}.c2ln`)));
    expect([binary.payload, 'payloadText' in binary, binary.payloadBase64url]).toEqual([null, false, '__4']);
  });

  it('is plain JSON: no colour, whatever the terminal', () => {
    expect(reportJson(build(ACCESS))).not.toMatch(/\u001b/);
  });
});

describe('timeJson and findingJson', () => {
  it('give every member, null where there is nothing', () => {
    const report = build(jws({ alg: 'HS256' }, {}));
    expect(timeJson(report.time)).toEqual({ now: NOW, status: 'no-expiry', iat: null, nbf: null, exp: null, auth_time: null, expiresIn: null, lifetime: null });
    const finding = report.findings.find((f) => f.id === 'no-jti')!;
    expect(findingJson(finding)).toEqual({
      id: 'no-jti',
      severity: 'info',
      category: 'lifetime',
      title: 'No jti',
      path: 'payload.jti',
      evidence: null,
      note: null,
      advice: 'Without jti there is no handle to revoke or detect the replay of one token (RFC 9068 §2.2).',
    });
  });
});

describe('inputErrorJson', () => {
  it('is the error document with the findings of the input rules beside it', () => {
    const findings = auditInput('a.b.c.d');
    expect(JSON.parse(inputErrorJson('ERR_MALFORMED_TOKEN', 'a compact token has 3 parts', findings))).toEqual({
      error: { code: 'ERR_MALFORMED_TOKEN', message: 'a compact token has 3 parts' },
      findings: [
        {
          id: 'not-compact',
          severity: 'medium',
          // The category of the format rules is moving; it is the rule's own.
          category: findings[0]!.category,
          title: 'Not compact JWS/JWE',
          path: null,
          evidence: '4 parts',
          note: 'a JWS has 3 dot-separated parts, a JWE 5',
          advice: 'A JWT is 3 (JWS) or 5 (JWE) base64url parts separated by dots (RFC 7519 §7.2); check how the token was copied.',
        },
      ],
    });
    expect(inputErrorJson('ERR_NO_TOKEN', 'no token\u001b[2J', [])).toBe(
      ['{', '  "error": {', '    "code": "ERR_NO_TOKEN",', String.raw`    "message": "no token\u001b[2J"`, '  },', '  "findings": []', '}', ''].join('\n'),
    );
  });
});
