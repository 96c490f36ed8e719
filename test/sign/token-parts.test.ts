import { describe, expect, it } from 'vitest';
import { nodeJsonText } from '../../src/render/json.js';
import { buildHeader, buildPayload, parseAssignment, withMember } from '../../src/sign/token-parts.js';
import { parseJson, type JsonObject } from '../../src/token/json.js';

const object = (text: string): JsonObject => parseJson(text).value as JsonObject;
const text = (node: JsonObject): string => nodeJsonText(node, 0);

describe('parseAssignment', () => {
  it.each([
    ['admin=true', ['admin', { type: 'boolean', value: true }]],
    ['n=12345678901234567890', ['n', { type: 'number', raw: '12345678901234567890', value: 12345678901234567890 }]],
    ['name=Ada Lovelace', ['name', { type: 'string', value: 'Ada Lovelace' }]],
    ['eq=a=b', ['eq', { type: 'string', value: 'a=b' }]],
    ['empty=', ['empty', { type: 'string', value: '' }]],
    ['quoted="42"', ['quoted', { type: 'string', value: '42' }]],
    ['=x', null],
    ['novalue', null],
  ])('%s', (input, expected) => {
    expect(parseAssignment(input)).toEqual(expected);
  });
});

describe('withMember', () => {
  it.each([
    ['{"a":1,"b":2}', 'c', '{"a":1,"b":2,"c":9}'],
    ['{"a":1,"b":2}', 'a', '{"a":9,"b":2}'],
    ['{"a":1,"b":2,"a":3}', 'a', '{"a":9,"b":2}'],
  ])('%s set %s', (input, name, expected) => {
    expect(text(withMember(object(input), name, { type: 'number', raw: '9', value: 9 }))).toBe(expected);
  });
});

describe('buildPayload', () => {
  const NOW = 1_700_000_000;
  it.each([
    ['{}', {}, '{"iat":1700000000}'],
    ['{"x":1}', { iat: false }, '{"x":1}'],
    ['{"iat":1}', {}, '{"iat":1}'],
    ['{"iat":1}', { iat: 5 }, '{"iat":5}'],
    ['{}', { exp: 900, nbf: -60 }, '{"iat":1700000000,"nbf":1699999940,"exp":1700000900}'],
    ['{}', { iat: 100.7, exp: 10 }, '{"iat":100,"exp":110}'],
    ['{}', { iat: false, exp: 10 }, '{"exp":1700000010}'],
    ['{"sub":"a","z":0}', { sub: 'b', iss: 'i', aud: ['x'], jti: 'j', iat: false }, '{"sub":"b","z":0,"iss":"i","aud":"x","jti":"j"}'],
    ['{}', { aud: ['x', 'y'], iat: false }, '{"aud":["x","y"]}'],
  ] as const)('%s with %j', (base, spec, expected) => {
    expect(text(buildPayload(object(base), { claims: [], ...spec }, NOW))).toBe(expected);
  });
});

describe('buildHeader', () => {
  it('orders alg, typ, kid, then the extra members, which may replace typ and kid', () => {
    const extra = [parseAssignment('x5t=t')!, parseAssignment('kid=k2')!];
    expect(text(buildHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1', extra }))).toBe('{"alg":"ES256","typ":"JWT","kid":"k2","x5t":"t"}');
    expect(text(buildHeader({ alg: 'HS256', typ: null, kid: null, extra: [] }))).toBe('{"alg":"HS256"}');
    expect(() => buildHeader({ alg: 'HS256', typ: null, kid: null, extra: [parseAssignment('alg=none')!] })).toThrow('--alg');
  });
});
