import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faithful, toJsonText, writeJsonText, type Printable } from '../../src/render/json.js';
import { parseJson } from '../../src/token/json.js';
import { fuzzSettings } from '../helpers/fuzz.js';

const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
}));

describe('toJsonText', () => {
  it('property: plain data comes out as JSON.stringify lays it out, at any indent', () => {
    fc.assert(
      fc.property(plain.value, fc.constantFrom(0, 2, 4), (value, indent) => {
        // JSON.stringify escapes fewer characters; those parse back the same.
        expect(JSON.parse(toJsonText(value as Printable, indent))).toEqual(JSON.parse(JSON.stringify(value, null, indent)));
        if (!/[^\x20-\x7e]/.test(JSON.stringify(value))) expect(toJsonText(value as Printable, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      fuzzSettings(500),
    );
  });

  it('keeps a token node as written, and leaves out undefined members', () => {
    const node = parseJson('{"id":12345678901234567890,"id":1.50,"b":[true,null]}').value;
    expect(toJsonText({ node: faithful(node), gone: undefined, last: 'x' }, 0)).toBe(
      '{"node":{"id":12345678901234567890,"id":1.50,"b":[true,null]},"last":"x"}',
    );
  });

  it('prints plain data shaped like a token node as the plain data it is', () => {
    expect(toJsonText({ type: 'string', value: 'v' }, 0)).toBe('{"type":"string","value":"v"}');
    expect(toJsonText([{ type: 'null' }, { type: 'number', raw: '1.50', value: 1.5 }], 0)).toBe('[{"type":"null"},{"type":"number","raw":"1.50","value":1.5}]');
  });
});

describe('writeJsonText', () => {
  it('hands on the same text as toJsonText, in pieces for a large document', () => {
    const doc = { tokens: Array.from({ length: 5000 }, (_, i) => ({ i, s: `token ${i}`, l: [i, i + 1] })), summary: { n: 5000 } };
    const pieces: string[] = [];
    writeJsonText(doc, (text) => pieces.push(text));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(toJsonText(doc));
  });
});
