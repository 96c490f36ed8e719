import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { escapeTerminal, quoteJson } from '../../src/render/escape.js';

const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe('escapeTerminal', () => {
  it.each([
    ['\u001b[2J', '\\u001b[2J'],
    ['\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['\u009b31m', '\\u009b31m'],
    ['ad\u202emin', 'ad\\u202emin'],
    ['a\u200bb', 'a\\u200bb'],
    ['line\nbreak', 'line\\u000abreak'],
    ['\ud800', '\\ud800'],
    ['plain ascii, émoji 😀 and 中文', 'plain ascii, émoji 😀 and 中文'],
  ])('%j → %j', (input, output) => expect(escapeTerminal(input)).toBe(output));

  it('property: no control, bidi or zero-width code point survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(escapeTerminal(s)).not.toMatch(DANGEROUS);
        expect(quoteJson(s)).not.toMatch(DANGEROUS);
        expect(JSON.parse(quoteJson(s))).toBe(s);
      }),
      fuzzSettings(1000),
    );
  });
});
