import { describe, expect, it } from 'vitest';
import { member, parseJson, toPlain } from '../../src/token/json.js';
import { nodeJsonText } from '../../src/render/json.js';

describe('parseJson', () => {
  it('keeps member order, even for integer-like names JSON.parse would move', () => {
    const { value } = parseJson('{"b":1,"2":2,"a":3}');
    expect(value.type === 'object' && value.entries.map(([k]) => k)).toEqual(['b', '2', 'a']);
  });

  it('keeps the digits of numbers a double cannot hold', () => {
    const text = '{"id":12345678901234567890,"f":1.50,"e":1E400}';
    expect(nodeJsonText(parseJson(text).value, 0)).toBe(text);
  });

  it('reports duplicate names with their paths, last one winning', () => {
    const parsed = parseJson('{"alg":"HS256","alg":"none","x":{"a":1,"a":2},"y":{"a":1}}');
    expect(parsed.duplicates).toEqual(['alg', 'x.a']);
    expect(member(parsed.value, 'alg')).toEqual({ type: 'string', value: 'none' });
  });

  it.each([['{"a":1,}'], ['{a:1}'], ["{'a':1}"], ['[1 2]'], ['"\u0001"'], ['01'], ['1.'], ['{"a":1} x'], ['"\\x41"'], ['']])('rejects %j', (text) => {
    expect(() => parseJson(text)).toThrow(/position/);
  });

  it('refuses nesting deeper than its limit instead of overflowing the stack', () => {
    expect(() => parseJson('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(/nested deeper/);
  });

  it('keeps __proto__ as data in the plain view', () => {
    const plain = toPlain(parseJson('{"__proto__":{"admin":true}}').value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});
