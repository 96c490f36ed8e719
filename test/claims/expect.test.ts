import { describe, expect, it } from 'vitest';
import { evaluateExpectation, ExpectSyntaxError, parseExpectation } from '../../src/claims/expect.js';
import { printExpectation } from '../helpers/print-expectation.js';
import { parseJson, type JsonObject } from '../../src/token/json.js';

const NOW = 1_700_000_000;

function object(text: string): JsonObject {
  return parseJson(text).value as JsonObject;
}

const HEADER = object('{"alg":"RS256","kid":"k1","typ":"JWT"}');
const PAYLOAD = object(
  JSON.stringify({
    sub: '42',
    n: 5,
    admin: false,
    scope: 'read write',
    roles: ['a', 'b', 7],
    exp: NOW + 600,
    'https://x.io/roles': ['ops'],
    address: { city: 'Oslo' },
    note: null,
  }).replace('"n":5', '"n":5,"id":12345678901234567890'),
);

function check(expr: string, payload: JsonObject | null = PAYLOAD) {
  return evaluateExpectation(parseExpectation(expr), HEADER, payload, NOW);
}

describe('evaluateExpectation', () => {
  it.each([
    ['sub', true],
    ['email', false],
    ['!email', true],
    ['!sub', false],
    ['note', true],
    ['sub="42"', true],
    ['sub=42', false],
    ['sub!=42', true],
    ['sub!="42"', false],
    ['missing!=x', true],
    ['missing=x', false],
    ['n=5', true],
    ['n=5.0', true],
    ['n = 5', true],
    ['admin=false', true],
    ['note=null', true],
    ['roles=["a","b",7]', true],
    ['roles=["b","a",7]', false],
    ['address={"city":"Oslo"}', true],
    ['address.city=Oslo', true],
    ['address.city=Oslo ', true],
    ['roles[0]=a', true],
    ['roles[9]', false],
    ['["https://x.io/roles"][0]=ops', true],
    ['["https://x.io/roles"]~=ops', true],
    ['header.kid=k1', true],
    ['header.alg!=none', true],
    ['!header.jku', true],
    ['scope~=read', true],
    ['scope~=admin', false],
    ['scope~=ad wr', true],
    ['roles~=7', true],
    ['roles~="7"', false],
    ['n~=5', false],
    ['exp>now', true],
    ['exp>now+15m', false],
    ['exp>=now+10m', true],
    ['exp<now+1h', true],
    ['exp<=now-1h', false],
    ['n>4', true],
    ['n>=5', true],
    ['n<5', false],
    ['n<=5e0', true],
    ['sub>1', false],
    ['id=12345678901234567890', true],
    ['id=12345678901234567891', false],
    ['id>12345678901234567889', true],
    ['id<12345678901234567890', false],
  ])('%s → %s', (expr, pass) => {
    expect(check(expr).pass).toBe(pass);
  });

  it('reports path, expected and actual, keeping the digits of the actual value', () => {
    expect(check('id=1')).toEqual({
      expr: 'id=1',
      pass: false,
      expected: '1',
      actual: { type: 'number', raw: '12345678901234567890', value: 12345678901234567890 },
      message: 'payload.id is 12345678901234567890, expected 1',
    });
    expect(check('email')).toEqual({ expr: 'email', pass: false, expected: 'present', actual: null, message: 'payload.email is absent' });
    expect(check('sub')).toEqual({ expr: 'sub', pass: true, expected: 'present', actual: { type: 'string', value: '42' } });
  });

  it.each([
    ['sub=42', 'payload.sub is "42" (a string, not a number), expected 42'],
    ['exp>now+15m', 'payload.exp is 1700000600, expected > 1700000900 (now+15m)'],
    ['scope~=admin', 'payload.scope is "read write", which does not contain "admin"'],
    ['address~=x', 'payload.address is {"city":"Oslo"}, a object; ~= looks inside arrays and strings'],
    ['sub>1', 'payload.sub is "42", a string, not a number, expected > 1'],
    ['!header.kid', 'header.kid is present: "k1"'],
    ['email=x', 'payload.email is absent, expected "x"'],
    ['header["x-y"]', 'header["x-y"] is absent'],
  ])('explains %s', (expr, message) => {
    expect(check(expr).message).toBe(message);
  });

  it('treats every payload path as absent when there is no payload (a JWE)', () => {
    expect(check('sub', null).pass).toBe(false);
    expect(check('header.kid', null).pass).toBe(true);
  });

  it('makes message values terminal-safe', () => {
    const hostile = object('{"sub":"\\u001b[2J"}');
    expect(evaluateExpectation(parseExpectation('sub=x'), HEADER, hostile, NOW).message).toBe('payload.sub is "\\u001b[2J", expected "x"');
  });
});

describe('parseExpectation', () => {
  it.each([
    ['', 0, 'expected a claim name'],
    ['sub=', 4, "expected a value after '='"],
    ['sub==x', 4, "'==' is not an operator"],
    ['sub x', 4, 'expected an operator'],
    ['!sub=1', 0, "'!' goes only before a bare claim"],
    ['a[x]=1', 2, 'expected an array index'],
    ['a~b', 1, 'expected an operator'],
    ['exp>soon', 4, "expected a number, now, now+15m or now-1h after '>'"],
    ['exp>now+ages', 8, "expected a whole duration such as 90s, 15m, 1h or 7d after 'now+'"],
    ['exp>now+0.5s', 8, 'expected a whole duration'],
    ['["unterminated=1', 1, 'unterminated'],
  ])('rejects %j at index %i', (text, position, message) => {
    let error: unknown;
    try {
      parseExpectation(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpectSyntaxError);
    expect((error as ExpectSyntaxError).position).toBe(position);
    expect((error as ExpectSyntaxError).message).toContain(message);
  });

  it.each([
    ['sub', 'sub'],
    [' !sub ', '!sub'],
    ['header.kid = k1', 'header.kid=k1'],
    ['exp >= now + 15m', 'exp>=now+15m'],
    ['exp<now-3600', 'exp<now-1h'],
    ['exp>now+0', 'exp>now'],
    ['name=John Doe', 'name=John Doe'],
    ['name= "  padded "', 'name="  padded "'],
    ['x="=y"', 'x="=y"'],
    ['x="42"', 'x="42"'],
    ['x=[1, 2]', 'x=[1,2]'],
    ['["a.b"][0].c=1e3', '["a.b"][0].c=1e3'],
  ])('reads %j and prints it back as %j', (text, printed) => {
    expect(printExpectation(parseExpectation(text))).toBe(printed);
  });
});
