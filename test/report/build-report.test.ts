import { describe, expect, it } from 'vitest';
import { buildReport, withFindings, type InspectReport } from '../../src/report/inspect.js';
import type { Finding } from '../../src/audit/rule.js';
import { decodeJsonPart } from '../../src/token/part.js';
import { decodeToken } from '../../src/token/decode.js';
import type { FoundToken } from '../../src/token/extract.js';
import { jwe, jws } from '../helpers/tokens.js';

const NOW = 1_700_000_000;
const OPTIONS = { now: NOW, leeway: 0 };
const raw = (compact: string): FoundToken => ({ token: compact, as: 'raw', name: null });
const build = (compact: string, extra: Parameters<typeof buildReport>[3] = OPTIONS): InspectReport =>
  buildReport(decodeToken(compact), raw(compact), { from: 'argument', count: 1 }, { ...OPTIONS, ...extra });

const INNER = jws({ alg: 'HS256' }, { sub: 'inner', iat: NOW - 60, exp: NOW + 600 });
const NESTED = jws({ alg: 'HS256', cty: 'JWT' }, INNER);

describe('buildReport: the one place the result object is built', () => {
  it('records where the token came from and how many the input held', () => {
    const report = buildReport(decodeToken(INNER), { token: INNER, as: 'cookie', name: 'session' }, { from: 'stdin', count: 3 }, OPTIONS);
    expect(report.token).toEqual({ kind: 'JWS', bytes: INNER.length, source: { from: 'stdin', as: 'cookie', name: 'session', count: 3 } });
  });

  it('shows a nested JWT as the inner token, with its times and its findings at inner. paths', () => {
    const report = build(NESTED);
    expect(report.inner?.payload).toEqual(decodeToken(INNER).claims);
    expect(report.time.exp?.value).toBe(NOW + 600);
    expect(report.findings.some((f) => f.path?.startsWith('inner.'))).toBe(true);
  });

  it('marks the signatures verify says held, and only those', () => {
    expect(build(NESTED).signature?.verified).toBe(false);
    const checked = build(NESTED, { ...OPTIONS, signatures: { token: true, inner: false } });
    expect(checked.signature?.verified).toBe(true);
    expect(checked.inner?.signature?.verified).toBe(false);
  });

  it("shows a decrypted JWE's claims as its contents, with the times read from them", () => {
    const encrypted = jwe({ alg: 'dir', enc: 'A128GCM' });
    const plaintext = new TextEncoder().encode(JSON.stringify({ sub: 'opened', exp: NOW + 60 }));
    const part = decodeJsonPart(plaintext);
    const claims = part.json?.type === 'object' ? part.json : null;
    const report = build(encrypted, { ...OPTIONS, opened: { kind: 'plaintext', plaintext, part, claims, authenticated: true } });
    expect(report.inner).toMatchObject({ payload: claims, payloadText: null, signature: null });
    expect(report.time.exp?.value).toBe(NOW + 60);
    expect(report.time.status).toBe('valid');
  });

  it('shows a decrypted plaintext that is not JSON as text, and bytes that are not UTF-8 as base64url', () => {
    const encrypted = jwe({ alg: 'dir', enc: 'A128GCM' });
    const open = (bytes: Uint8Array) =>
      build(encrypted, { ...OPTIONS, opened: { kind: 'plaintext', plaintext: bytes, part: decodeJsonPart(bytes), claims: null, authenticated: true } }).inner;
    expect(open(new TextEncoder().encode('hello'))).toMatchObject({ payload: null, payloadText: 'hello', payloadBase64url: null });
    expect(open(Uint8Array.of(0xff, 0xfe))).toMatchObject({ payload: null, payloadText: null, payloadBase64url: '__4' });
  });
});

describe('withFindings', () => {
  it('adds findings in the report order (by severity), and returns the report itself when there are none', () => {
    const report = build(INNER);
    expect(withFindings(report, [])).toBe(report);
    const critical: Finding = {
      id: 'weak-secret',
      severity: 'critical',
      category: 'key',
      title: 't',
      path: 'signature',
      evidence: null,
      note: null,
      advice: 'a',
    };
    expect(withFindings(report, [critical]).findings[0]).toBe(critical);
  });
});
