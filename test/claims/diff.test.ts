import { describe, expect, it } from 'vitest';
import { diffTokens, type DiffSide } from '../../src/claims/diff.js';
import { nodeJsonText } from '../../src/render/json.js';
import { parseJson, type JsonNode, type JsonObject } from '../../src/token/json.js';

const NOW = 1_700_000_000;

function side(payload: string, header = '{"alg":"HS256"}'): DiffSide {
  return { header: parseJson(header).value as JsonObject, payload: parseJson(payload).value };
}

/** Changes as `kind path: before → after` lines, values in compact JSON. */
function changes(a: DiffSide, b: DiffSide, ignore: string[] = []): string[] {
  const show = (n: JsonNode | readonly JsonNode[] | null) =>
    n === null ? 'null' : Array.isArray(n) ? `[${n.map((x) => nodeJsonText(x, 0)).join(',')}]` : nodeJsonText(n as JsonNode, 0);
  return diffTokens(a, b, NOW, ignore).changes.map((c) => {
    const members = c.members ? ` +${show(c.members.added)} -${show(c.members.removed)}` : '';
    return `${c.kind} ${c.path}: ${show(c.before)} → ${show(c.after)}${members}`;
  });
}

describe('diffTokens', () => {
  it.each([
    ['{"sub":"a","n":1}', '{"n":1.0,"sub":"a"}', []],
    ['{"sub":"a"}', '{"sub":"b"}', ['changed payload.sub: "a" → "b"']],
    ['{"sub":"a"}', '{"sub":"a","email":"x@y"}', ['added payload.email: null → "x@y"']],
    ['{"sub":"a","name":"A"}', '{"sub":"a"}', ['removed payload.name: "A" → null']],
    ['{"id":12345678901234567890}', '{"id":12345678901234567891}', ['changed payload.id: 12345678901234567890 → 12345678901234567891']],
    ['{"addr":{"city":"Oslo","zip":"1"}}', '{"addr":{"city":"Bergen","zip":"1"}}', ['changed payload.addr.city: "Oslo" → "Bergen"']],
    ['{"list":[1,2]}', '{"list":[1,3,4]}', ['changed payload.list[1]: 2 → 3', 'added payload.list[2]: null → 4']],
    ['{"https://x.io/claims":{"a b":1}}', '{"https://x.io/claims":{"a b":2}}', ['changed payload["https://x.io/claims"]["a b"]: 1 → 2']],
    ['{"a":{"b":1}}', '{"a":[1]}', ['changed payload.a: {"b":1} → [1]']],
    ['{"x":1,"x":2}', '{"x":2}', []],
  ])('%s → %s', (a, b, expected) => {
    expect(changes(side(a), side(b))).toEqual(expected);
  });

  it.each([
    ['{"scope":"read write"}', '{"scope":"write  read"}', []],
    ['{"scope":"read write"}', '{"scope":"read admin"}', ['changed payload.scope: "read write" → "read admin" +["admin"] -["write"]']],
    ['{"roles":["a","b"]}', '{"roles":["b","a"]}', []],
    ['{"roles":["a","b"]}', '{"roles":["b","c","c"]}', ['changed payload.roles: ["a","b"] → ["b","c","c"] +["c"] -["a"]']],
    ['{"scp":"a b"}', '{"scp":["a","b"]}', ['changed payload.scp: "a b" → ["a","b"] +[] -[]']],
    ['{"aud":["x","y"]}', '{"aud":["y","x"]}', []],
    ['{"realm_access":{"roles":["a"]}}', '{"realm_access":{"roles":["a","b"]}}', ['changed payload.realm_access.roles: ["a"] → ["a","b"] +["b"] -[]']],
    ['{"https://x.io/groups":["g1"]}', '{"https://x.io/groups":["g2"]}', ['changed payload["https://x.io/groups"]: ["g1"] → ["g2"] +["g2"] -["g1"]']],
    ['{"cognito:groups":["g1","g2"]}', '{"cognito:groups":["g2","g1"]}', []],
    ['{"scope":"a"}', '{"scope":5}', ['changed payload.scope: "a" → 5']],
  ])('compares %s and %s as sets', (a, b, expected) => {
    expect(changes(side(a), side(b))).toEqual(expected);
  });

  it('compares headers, and payloads that are not JSON objects', () => {
    expect(changes(side('{}', '{"alg":"RS256","kid":"k1"}'), side('{}', '{"alg":"RS256","kid":"k2","typ":"JWT"}'))).toEqual([
      'changed header.kid: "k1" → "k2"',
      'added header.typ: null → "JWT"',
    ]);
    const text = (s: string): DiffSide => ({ header: side('{}').header, payload: { type: 'string', value: s } });
    expect(changes(text('hello'), text('hello'))).toEqual([]);
    expect(changes(text('hello'), side('{"a":1}'))).toEqual(['changed payload: "hello" → {"a":1}']);
    const jwe: DiffSide = { header: side('{}').header, payload: null };
    expect(changes(jwe, jwe)).toEqual([]);
  });

  it('leaves out ignored paths and everything below them', () => {
    const a = side('{"iat":1,"exp":2,"jti":"a","sub":"x","ctx":{"t":1}}');
    const b = side('{"iat":5,"exp":9,"jti":"b","sub":"x","ctx":{"t":2}}');
    expect(changes(a, b, ['payload.iat', 'payload.exp', 'payload.jti', 'payload.ctx'])).toEqual([]);
    expect(diffTokens(a, b, NOW, ['payload.iat']).same).toBe(false);
    expect(changes(side('{}', '{"alg":"HS256"}'), side('{}', '{"alg":"HS384"}'), ['header'])).toEqual([]);
  });

  it('puts the times side by side', () => {
    const { times, same } = diffTokens(side('{"iat":1700000000,"exp":1700000900}'), side('{"iat":1700000000,"exp":1700003600,"nbf":1700000000}'), NOW);
    expect(same).toBe(false);
    expect(times.iat.before?.value).toBe(1700000000);
    expect(times.exp.after?.iso).toBe('2023-11-14T23:13:20.000Z');
    expect(times.nbf).toEqual({ before: null, after: expect.objectContaining({ value: 1700000000 }) });
    expect(times.lifetime).toEqual({ before: 900, after: 3600 });
  });
});
