import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { diffTokens, type DiffSide, type TokenDiff } from '../../src/claims/diff.js';
import { diffText } from '../../src/render/diff-text.js';
import { loadTheme, PLAIN_THEME } from '../../src/render/theme.js';
import { tokenParts } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;

const NOW = 1_700_000_000;
const visible = (s: string): string => s.replaceAll('\u001b', '␛');

/** One side of a diff as the diff command reads a token: its header, and its claims (else its text, else nothing readable). */
function side(compact: string): DiffSide {
  const parts = tokenParts(decodeToken(compact));
  const text = parts.payloadText ?? parts.payloadBase64url;
  return { header: parts.header, payload: parts.payload ?? (text === null ? null : { type: 'string', value: text }) };
}
const diff = (a: string, b: string, ignore: string[] = []): TokenDiff => diffTokens(side(a), side(b), NOW, ignore);

const BEFORE = jws(
  { alg: 'HS256', kid: 'k1' },
  '{"sub":"u1","scope":"read write","amr":"pwd otp","exp":1700000600.50,"iat":1699999940,"old":true,"nested":{"x":1}}',
);
const AFTER = jws(
  { alg: 'HS256', kid: 'k2', typ: 'JWT' },
  '{"sub":"u2","scope":"read admin","amr":["pwd","otp"],"exp":1700003600,"iat":1699999940,"nested":{"x":2,"y":[1]},"new":null}',
);

describe('diffText', () => {
  it('writes one line per change (+ added, - removed, ~ changed, sets by member), the times side by side, and a verdict', () => {
    expect(diffText(diff(BEFORE, AFTER), PLAIN_THEME)).toBe(
      [
        '~ header.kid: "k1" → "k2"',
        '+ header.typ: "JWT"',
        '~ payload.sub: "u1" → "u2"',
        '~ payload.scope: +"admin" -"write" (compared as a set)',
        '~ payload.amr: "pwd otp" → ["pwd","otp"], the same members written another way (compared as a set)',
        '~ payload.exp: 1700000600.50 → 1700003600',
        '- payload.old: true',
        '~ payload.nested.x: 1 → 2',
        '+ payload.nested.y: [1]',
        '+ payload.new: null',
        '',
        'Times',
        '  issued     2023-11-14T22:12:20.000Z → 2023-11-14T22:12:20.000Z  same',
        '  expires    2023-11-14T22:23:20.500Z → 2023-11-14T23:13:20.000Z  49 minutes later',
        '  lifetime   11 minutes → 1 hour',
        '',
        'The tokens differ: 10 changes.',
        '',
      ].join('\n'),
    );
  });

  it('says the tokens say the same, with the times, when nothing changed', () => {
    expect(diffText(diff(BEFORE, BEFORE), PLAIN_THEME)).toBe(
      [
        'Times',
        '  issued     2023-11-14T22:12:20.000Z → 2023-11-14T22:12:20.000Z  same',
        '  expires    2023-11-14T22:23:20.500Z → 2023-11-14T22:23:20.500Z  same',
        '  lifetime   11 minutes → 11 minutes',
        '',
        'The tokens say the same (header and claims; signatures are not compared).',
        '',
      ].join('\n'),
    );
  });

  it('is the verdict alone for tokens without times, and counts one change in the singular', () => {
    expect(diffText(diff(jws({ alg: 'HS256' }, {}), jws({ alg: 'HS256' }, {})), PLAIN_THEME)).toBe(
      'The tokens say the same (header and claims; signatures are not compared).\n',
    );
    expect(diffText(diff(jws({ alg: 'HS256' }, { a: 1 }), jws({ alg: 'HS256' }, { a: 2 })), PLAIN_THEME)).toBe(
      '~ payload.a: 1 → 2\n\nThe tokens differ: 1 change.\n',
    );
  });

  it('leaves out the changes at ignored paths', () => {
    expect(diffText(diff(BEFORE, AFTER, ['header', 'payload.scope', 'payload.amr', 'payload.exp', 'payload.nested', 'payload.new']), PLAIN_THEME)).toBe(
      [
        '~ payload.sub: "u1" → "u2"',
        '- payload.old: true',
        '',
        'Times',
        '  issued     2023-11-14T22:12:20.000Z → 2023-11-14T22:12:20.000Z  same',
        '  expires    2023-11-14T22:23:20.500Z → 2023-11-14T23:13:20.000Z  49 minutes later',
        '  lifetime   11 minutes → 1 hour',
        '',
        'The tokens differ: 2 changes.',
        '',
      ].join('\n'),
    );
  });

  it('shows a time only one token has against (none), and the payload of a JWE as gone, cut short', () => {
    const jwe = `${encode('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y3Q.dGFn`;
    expect(diffText(diff(BEFORE, jwe), PLAIN_THEME)).toBe(
      [
        '~ header.alg: "HS256" → "dir"',
        '- header.kid: "k1"',
        '+ header.enc: "A128GCM"',
        '- payload: {"sub":"u1","scope":"read write","amr":"pwd otp","exp":1700000600.50,"iat":1699999940,"old":true,"nested":{"x":1}}',
        '',
        'Times',
        '  issued     2023-11-14T22:12:20.000Z → (none)',
        '  expires    2023-11-14T22:23:20.500Z → (none)',
        '  lifetime   11 minutes → (none)',
        '',
        'The tokens differ: 4 changes.',
        '',
      ].join('\n'),
    );
    const long = diffText(diff(jws({ alg: 'HS256' }, { a: 'x'.repeat(200) }), jws({ alg: 'HS256' }, {})), PLAIN_THEME);
    expect(long.split('\n')[0]).toBe(`- payload.a: "${'x'.repeat(118)}…`);
  });

  it('escapes ANSI escapes and bidi overrides from the token in paths and values', () => {
    const a = jws({ alg: 'HS256' }, { 'ro\u001b[2Jle': 'user', sub: 'ad\u202emin' });
    const b = jws({ alg: 'HS256' }, { sub: '\u009b31m', scope: ['\u001b]0;x\u0007'] });
    expect(diffText(diff(a, b), PLAIN_THEME)).toBe(
      [
        String.raw`- payload["ro\u001b[2Jle"]: "user"`,
        String.raw`~ payload.sub: "ad\u202emin" → "\u009b31m"`,
        String.raw`+ payload.scope: ["\u001b]0;x\u0007"]`,
        '',
        'The tokens differ: 3 changes.',
        '',
      ].join('\n'),
    );
  });

  it('colours the signs, the set members, the heading and the verdict', async () => {
    const theme = await loadTheme(1);
    const a = jws({ alg: 'HS256' }, { scope: 'read write', old: 1, iat: NOW, exp: NOW + 60 });
    const b = jws({ alg: 'HS256' }, { scope: 'read admin', new: 1, iat: NOW, exp: NOW + 120 });
    expect(visible(diffText(diff(a, b), theme))).toBe(
      [
        '␛[1m␛[33m~␛[39m␛[22m payload.scope: ␛[1m␛[32m+"admin"␛[39m␛[22m ␛[1m␛[31m-"write"␛[39m␛[22m ␛[2m(compared as a set)␛[22m',
        '␛[1m␛[31m-␛[39m␛[22m payload.old: 1',
        '␛[1m␛[33m~␛[39m␛[22m payload.exp: 1700000060 → 1700000120',
        '␛[1m␛[32m+␛[39m␛[22m payload.new: 1',
        '',
        '␛[1m␛[4mTimes␛[24m␛[22m',
        '  issued     2023-11-14T22:13:20.000Z → 2023-11-14T22:13:20.000Z  ␛[2msame␛[22m',
        '  expires    2023-11-14T22:14:20.000Z → 2023-11-14T22:15:20.000Z  ␛[2m1 minute later␛[22m',
        '  lifetime   1 minute → 2 minutes',
        '',
        '␛[1m␛[31mThe tokens differ␛[39m␛[22m: 4 changes.',
        '',
      ].join('\n'),
    );
    expect(
      visible(diffText(diff(a, a), theme))
        .split('\n')
        .at(-2),
    ).toBe('␛[1m␛[32mThe tokens say the same␛[39m␛[22m (header and claims; signatures are not compared).');
  });

  // KNOWN BUG (see the report of the render tests): spanText drops the sign, so a lifetime that
  // is negative (exp before iat) reads as a positive one. Drop `.fails` once diff-text.ts shows it.
  it.fails('does not show a negative lifetime (exp before iat) as a positive one', () => {
    const a = jws({ alg: 'HS256' }, { iat: NOW, exp: NOW + 3600 });
    const b = jws({ alg: 'HS256' }, { iat: NOW, exp: NOW - 3540 });
    expect(diffText(diff(a, b), PLAIN_THEME).split('\n')).not.toContain('  lifetime   1 hour → 59 minutes');
  });
});
