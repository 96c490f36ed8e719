import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { diffTokens, type DiffSide, type TokenDiff } from '../../src/claims/diff.js';
import { diffJson } from '../../src/render/diff-json.js';
import { tokenParts } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;

const NOW = 1_700_000_000;
// Anything a terminal acts on or hides (the newline aside): C0/C1 controls (ESC included), DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** One side of a diff as the diff command reads a token: its header, and its claims (else its text, else nothing readable). */
function side(compact: string): DiffSide {
  const parts = tokenParts(decodeToken(compact));
  const text = parts.payloadText ?? parts.payloadBase64url;
  return { header: parts.header, payload: parts.payload ?? (text === null ? null : { type: 'string', value: text }) };
}
const diff = (a: string, b: string, ignore: string[] = []): TokenDiff => diffTokens(side(a), side(b), NOW, ignore);

const BEFORE = jws({ alg: 'HS256', kid: 'k1' }, '{"sub":"u1","scope":"read write","amr":"pwd otp","exp":1700000600.50,"iat":1699999940,"old":true}');
const AFTER = jws(
  { alg: 'HS256', kid: 'k2', typ: 'JWT' },
  '{"sub":"u2","scope":"read admin","amr":["pwd","otp"],"exp":1700003600,"iat":1699999940,"id":12345678901234567890}',
);

describe('diffJson', () => {
  it('is the document of docs/output.md: same, every change with before and after (and set members), the times with their deltas', () => {
    expect(JSON.parse(diffJson(diff(BEFORE, AFTER)))).toEqual({
      same: false,
      changes: [
        { path: 'header.kid', kind: 'changed', before: 'k1', after: 'k2' },
        { path: 'header.typ', kind: 'added', before: null, after: 'JWT' },
        { path: 'payload.sub', kind: 'changed', before: 'u1', after: 'u2' },
        { path: 'payload.scope', kind: 'changed', before: 'read write', after: 'read admin', added: ['admin'], removed: ['write'] },
        { path: 'payload.amr', kind: 'changed', before: 'pwd otp', after: ['pwd', 'otp'], added: [], removed: [] },
        { path: 'payload.exp', kind: 'changed', before: 1700000600.5, after: 1700003600 },
        { path: 'payload.old', kind: 'removed', before: true, after: null },
        { path: 'payload.id', kind: 'added', before: null, after: 12345678901234567000 },
      ],
      times: {
        iat: { before: 1699999940, after: 1699999940, delta: 0 },
        nbf: { before: null, after: null, delta: null },
        exp: { before: 1700000600.5, after: 1700003600, delta: 2999.5 },
        lifetime: { before: 660.5, after: 3660, delta: 2999.5 },
      },
    });
  });

  it('writes the numbers of the tokens with their own digits, in the changes and in the times', () => {
    const lines = diffJson(diff(BEFORE, AFTER)).split('\n');
    expect(lines.filter((l) => /1700000600|12345678901234567890/.test(l))).toEqual([
      '      "before": 1700000600.50,',
      '      "after": 12345678901234567890',
      '      "before": 1700000600.50,',
    ]);
  });

  it('says the same with no changes, and nulls for times neither token has', () => {
    const token = jws({ alg: 'HS256' }, { sub: 'u1' });
    expect(diffJson(diff(token, token))).toBe(
      [
        '{',
        '  "same": true,',
        '  "changes": [],',
        '  "times": {',
        '    "iat": {',
        '      "before": null,',
        '      "after": null,',
        '      "delta": null',
        '    },',
        '    "nbf": {',
        '      "before": null,',
        '      "after": null,',
        '      "delta": null',
        '    },',
        '    "exp": {',
        '      "before": null,',
        '      "after": null,',
        '      "delta": null',
        '    },',
        '    "lifetime": {',
        '      "before": null,',
        '      "after": null,',
        '      "delta": null',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the ignored paths, and shows a JWE payload as gone', () => {
    const jwe = `${encode('{"alg":"HS256","enc":"A128GCM"}')}..aXY.Y3Q.dGFn`;
    const doc = JSON.parse(diffJson(diff(BEFORE, jwe, ['header'])));
    expect(doc.changes).toEqual([
      {
        path: 'payload',
        kind: 'removed',
        before: { sub: 'u1', scope: 'read write', amr: 'pwd otp', exp: 1700000600.5, iat: 1699999940, old: true },
        after: null,
      },
    ]);
    expect(doc.times.exp).toEqual({ before: 1700000600.5, after: null, delta: null });
  });

  it('prints a claim whose members look like a token node (type, value) as the token wrote it', () => {
    const doc = JSON.parse(diffJson(diff(jws({ alg: 'HS256' }, {}), jws({ alg: 'HS256' }, { c: { type: 'string', value: 'x' } }))));
    expect(doc.changes).toEqual([{ path: 'payload.c', kind: 'added', before: null, after: { type: 'string', value: 'x' } }]);
  });

  it('escapes control characters, ANSI escapes and bidi overrides, and the strings parse back the same', () => {
    const a = jws({ alg: 'HS256' }, { 'ro\u001b[2Jle': 'user', sub: 'ad\u202emin' });
    const b = jws({ alg: 'HS256' }, { sub: '\u009b31m\u0007' });
    const text = diffJson(diff(a, b));
    expect(text).not.toMatch(DANGEROUS);
    expect(text).not.toMatch(/\u001b/);
    expect(JSON.parse(text).changes).toEqual([
      // The path names the member as JSON does: the escape is already in its text.
      { path: String.raw`payload["ro\u001b[2Jle"]`, kind: 'removed', before: 'user', after: null },
      { path: 'payload.sub', kind: 'changed', before: 'ad\u202emin', after: '\u009b31m\u0007' },
    ]);
    expect(text.split('\n').filter((l) => l.includes('\\u'))).toEqual([
      String.raw`      "path": "payload[\"ro\\u001b[2Jle\"]",`,
      String.raw`      "before": "ad\u202emin",`,
      String.raw`      "after": "\u009b31m\u0007"`,
    ]);
  });
});
