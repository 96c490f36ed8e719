import { createHash } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/render/decode-text.js';
import { reportJson } from '../../src/render/report-json.js';
import { PLAIN_THEME } from '../../src/render/theme.js';
import { buildReport, type Checked, type InspectReport } from '../../src/report/inspect.js';
import { redactReport } from '../../src/report/redact.js';
import { decodeToken } from '../../src/token/decode.js';
import { parseJson, type JsonObject } from '../../src/token/json.js';
import { decodeJsonPart } from '../../src/token/part.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (32 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode(new Uint8Array(32).fill(7))): string => `${part(header)}.${part(payload)}.${signature}`;

const NOW = 1_700_000_000;
const build = (compact: string, checked: Checked = {}): InspectReport =>
  buildReport(decodeToken(compact), { token: compact, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now: NOW, leeway: 0, ...checked });
const object = (text: string): JsonObject => parseJson(text).value as JsonObject;
const sha8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** Flagged by the rules: an API key (in an array), a card number (a JSON number), an email address; the rest is not. */
const PAYLOAD =
  '{"sub":"u1","api_key":["sk_live_abcdefabcdef1234"],"card_number":4111111111111111,"email":"jane@example.com","n":12345678901234567890,"iat":1699999940}';
const LEAKY = jws({ alg: 'HS256', kid: 'k1' }, PAYLOAD);

describe('redactReport', () => {
  it('replaces the value of every sensitive-looking claim by its length and a short hash, and leaves the rest as the token has it', () => {
    const report = build(LEAKY);
    expect(report.findings.filter((f) => f.category === 'sensitive-data').map((f) => f.path)).toEqual([
      'payload.api_key[0]',
      'payload.card_number',
      'payload.email',
    ]);
    const redacted = redactReport(report);
    expect(redacted.payload).toEqual(
      object(
        '{"sub":"u1","api_key":["[redacted: 24 chars, sha256 faa5281b]"],"card_number":"[redacted: 16 chars, sha256 9bbef194]","email":"[redacted: 16 chars, sha256 8c87b489]","n":12345678901234567890,"iat":1699999940}',
      ),
    );
    expect(redacted.header).toEqual(report.header);
  });

  it('hashes the value itself (a number by its digits), so that redacted copies can still be compared', () => {
    expect([sha8('sk_live_abcdefabcdef1234'), sha8('4111111111111111'), sha8('jane@example.com')]).toEqual(['faa5281b', '9bbef194', '8c87b489']);
    const other = redactReport(build(jws({ alg: 'HS256' }, { email: 'jane@example.com', password: 'hunter22' })));
    const again = redactReport(build(jws({ alg: 'HS256' }, { email: 'jane@example.com', password: 'hunter23' })));
    expect(
      reportJson(other)
        .split('\n')
        .filter((l) => l.includes('[redacted')),
    ).toEqual(['    "email": "[redacted: 16 chars, sha256 8c87b489]",', '    "password": "[redacted: 8 chars, sha256 20d2fe5e]"']);
    expect(
      reportJson(again)
        .split('\n')
        .filter((l) => l.includes('[redacted')),
    ).toEqual(['    "email": "[redacted: 16 chars, sha256 8c87b489]",', `    "password": "[redacted: 8 chars, sha256 ${sha8('hunter23')}]"`]);
  });

  it('counts characters, not UTF-16 units', () => {
    const redacted = redactReport(build(jws({ alg: 'HS256' }, { password: 'hunter😀22' })));
    expect(redacted.payload).toEqual(object(`{"password":"[redacted: 9 chars, sha256 ${sha8('hunter😀22')}]"}`));
  });

  it('drops the signature, of the token and of the token inside it', () => {
    const inner = jws({ alg: 'HS256' }, { sub: 'inner', password: 'hunter22' });
    const nested = build(jws({ alg: 'HS256', cty: 'JWT' }, inner), { signatures: { token: true, inner: true } });
    expect([nested.signature?.verified, nested.inner?.signature?.verified]).toEqual([true, true]);
    const redacted = redactReport(nested);
    expect([redacted.signature, redacted.inner?.signature]).toEqual([null, null]);
    expect(redacted.inner?.payload).toEqual(object(`{"sub":"inner","password":"[redacted: 8 chars, sha256 ${sha8('hunter22')}]"}`));
    // The outer payload is the inner token itself: text that is no JSON object, redacted as a whole.
    expect(redacted.payloadText).toBe(`[redacted: ${inner.length} chars, sha256 ${sha8(inner)}]`);
  });

  it('redacts a payload that is text, whatever it holds, and the contents of a decrypted JWE', () => {
    expect(redactReport(build(jws({ alg: 'HS256' }, 'password=hunter22'))).payloadText).toBe(`[redacted: 17 chars, sha256 ${sha8('password=hunter22')}]`);
    const jwe = `${part({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y3Q.dGFn`;
    const plaintext = new TextEncoder().encode('{"sub":"u1","password":"hunter22"}');
    const decoded = decodeJsonPart(plaintext);
    const claims = decoded.json?.type === 'object' ? decoded.json : null;
    const redacted = redactReport(build(jwe, { opened: { kind: 'plaintext', plaintext, part: decoded, claims, authenticated: true } }));
    expect(redacted.inner?.payload).toEqual(object(`{"sub":"u1","password":"[redacted: 8 chars, sha256 ${sha8('hunter22')}]"}`));
  });

  it('keeps everything else of the report, and leaves the report it was given alone', () => {
    const report = build(LEAKY);
    const before = reportJson(report);
    const redacted = redactReport(report);
    expect(reportJson(report)).toBe(before);
    expect([redacted.token, redacted.time, redacted.findings, redacted.tokenClass, redacted.decoded]).toEqual([
      report.token,
      report.time,
      report.findings,
      report.tokenClass,
      report.decoded,
    ]);
  });

  it('leaves no sensitive value for decode to print, as text or JSON', () => {
    const redacted = redactReport(build(LEAKY));
    for (const out of [reportJson(redacted), decodeText(redacted, PLAIN_THEME, { minSeverity: 'info', redacted: true })]) {
      expect(['sk_live_abcdefabcdef1234', '4111111111111111', 'jane@example.com'].filter((value) => out.includes(value))).toEqual([]);
    }
  });
});
