import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../src/render/escape.js';
import { shortJson } from '../../src/render/short-json.js';
import { decodeToken } from '../../src/token/decode.js';
import type { JsonNode } from '../../src/token/json.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;

/** The claim `v` of a token whose payload is this JSON text, as decode reads it. */
function claim(payload: string): JsonNode {
  const entries = decodeToken(jws('{"alg":"HS256"}', payload)).claims!.entries;
  return entries.find(([name]) => name === 'v')![1];
}
const text = (value: string): JsonNode => ({ type: 'string', value });

describe('shortJson', () => {
  it('writes a value as compact JSON on one line, with the digits, member order and duplicates of the token', () => {
    expect(shortJson(claim('{"v":{"b":1.50,"a":[12345678901234567890, null, true],"b":"x"}}'))).toBe('{"b":1.50,"a":[12345678901234567890,null,true],"b":"x"}');
    expect(shortJson(claim('{"v":"plain"}'))).toBe('"plain"');
    expect(shortJson(claim('{"v":[]}'))).toBe('[]');
  });

  it('keeps text of exactly the limit whole, and cuts longer text to the limit with an ellipsis', () => {
    // 118 characters and two quotes: 120.
    expect(shortJson(text('x'.repeat(118)))).toBe(`"${'x'.repeat(118)}"`);
    expect(shortJson(text('x'.repeat(119)))).toBe(`"${'x'.repeat(118)}…`);
    expect(shortJson(text('abcdef'), 5)).toBe('"abc…');
    expect(shortJson(text('abc'), 5)).toBe('"abc"');
  });

  it('escapes control characters, ANSI escapes and bidi overrides from the token', () => {
    expect(shortJson(claim(JSON.stringify({ v: ['\u001b[2J', 'ad\u202emin', '\u009b', 'a\nb'] })))).toBe(
      String.raw`["\u001b[2J","ad\u202emin","\u009b","a\nb"]`,
    );
  });

  it('escapes before it cuts, so a cut never leaves a raw control character', () => {
    const cut = shortJson(text(`${'a'.repeat(10)}\u001b[31m`), 14);
    expect(cut).toBe(String.raw`"aaaaaaaaaa\u…`);
  });

  // KNOWN BUG (see the report of the render tests): the cut is by UTF-16 units, so it can split
  // a surrogate pair and leave a lone surrogate, which escape.ts itself treats as unsafe.
  // scan-table.ts cuts by code points for this reason. Drop `.fails` once short-json.ts does too.
  it.fails('never splits a surrogate pair (a lone surrogate is not terminal-safe)', () => {
    const cut = shortJson(text(`${'a'.repeat(117)}😀b`));
    expect(escapeTerminal(cut)).toBe(cut);
  });
});
