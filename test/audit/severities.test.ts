import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_KINDS, ruleCatalogue } from '../../src/audit/catalogue.js';
import { auditInput } from '../../src/audit/input.js';
import { severitiesOf, type Finding } from '../../src/audit/rule.js';
import { inspectJwks, jwksEntries } from '../../src/jwks/inspect.js';
import { parseSetCookie } from '../../src/token/cookie.js';
import { fuzzSettings } from '../helpers/fuzz.js';
import { readToolkitFixture } from '../helpers/toolkit-fixtures.js';
import { jwe, jws } from '../helpers/tokens.js';
import { audit, NOW, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';

/**
 * The README's severity column is severitiesOf(rule): the rule's severity
 * and its alsoReports. Here, tokens that reach the milder and the worse cases
 * of the rules whose hits name their own severity, and random ones: every
 * finding must carry a severity its rule declares.
 */
const DECLARED = new Map(ruleCatalogue(RULE_KINDS).map((r) => [r.id, severitiesOf(r)]));

function expectDeclared(findings: readonly Finding[]): void {
  for (const f of findings) expect(DECLARED.get(f.id), `${f.id} reported ${f.severity}`).toContain(f.severity);
}

const HS = { alg: 'HS256', typ: 'JWT', kid: 'k1' };
const ACCESS = { ...QUIET_CLAIMS, scope: 'read' };
const PBES2 = { alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdHNhbHQ' };
const BIG = 'x'.repeat(9000);
const TOKEN = jws(QUIET_HEADER, QUIET_CLAIMS);
/** Over each class's limit, by each band (lifetime-too-long), audited as each class too. */
const LIFETIMES = [30 * 60, 3 * 3600, 3 * 86400, 60 * 86400, 400 * 86400].map((lifetime) => jws(HS, { ...ACCESS, iat: NOW, exp: NOW + lifetime }));

/** Headers and payloads that reach a hit with a severity of its own. */
const TOKENS: readonly string[] = [
  jws({ typ: 'JWT' }, QUIET_CLAIMS),
  jws({ ...HS, typ: 'xml' }, { sub: 'no exp' }),
  jws({ ...HS, alg: 'XYZ' }, QUIET_CLAIMS),
  jws({ ...HS, kid: 5 }, QUIET_CLAIMS),
  jws({ ...HS, kid: '../../../dev/null' }, QUIET_CLAIMS),
  jws({ ...HS, b64: false }, QUIET_CLAIMS),
  jws({ ...HS, b64: false, crit: ['b64'] }, QUIET_CLAIMS),
  jws({ alg: 'HS256' }, QUIET_CLAIMS),
  jws({ ...HS, jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }, QUIET_CLAIMS),
  jws({ ...HS, jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' } }, QUIET_CLAIMS),
  jws({ ...HS, jku: 'https://idp.example.com/jwks' }, QUIET_CLAIMS),
  jws({ ...HS, x5u: 'http://169.254.169.254/latest' }, QUIET_CLAIMS),
  jws({ ...HS, x5c: ['bm90IGEgY2VydA'] }, QUIET_CLAIMS),
  jws({ ...HS, typ: 'secevent+jwt' }, { iss: 'i', iat: NOW }),
  jws(HS, { ...QUIET_CLAIMS, iat: (NOW - 60) * 1000, exp: (NOW + 600) * 1000 }),
  ...LIFETIMES,
  ...[64, 128].map((bytes) => jws({ alg: 'RS256', typ: 'JWT', kid: 'k1' }, QUIET_CLAIMS, Buffer.alloc(bytes, 7).toString('base64url'))),
  jws(HS, { ...QUIET_CLAIMS, password: 'hunter2hunter2', api_key: 'changeme', cvv: '123', gender: 'f' }),
  jws(HS, { ...QUIET_CLAIMS, card: '4111 1111 1111 1111', note: '4111111111111111', birthdate: '1990-01-02' }),
  jws(HS, { ...QUIET_CLAIMS, aws: 'AKIAIOSFODNN7EXAMPLE', stripe: `sk_test_${'a'.repeat(24)}`, ip: '10.0.0.1', client_ip: '8.8.8.8' }),
  jws(HS, { ...QUIET_CLAIMS, client_secret: '${SECRET}', google: `AIza${'b'.repeat(35)}`, github: `ghp_${'c'.repeat(36)}` }),
  jws(HS, { ...ACCESS, email: 'jane@example.com', phone_number: '+14155550100', address: { street_address: '1 Main St' }, birthdate: '1990-01-02' }),
  jws(HS, { ...QUIET_CLAIMS, nonce: 'n', email: 'jane@example.com', email_verified: true, auth_time: NOW - 60 }),
  jws(HS, { ...QUIET_CLAIMS, blob: BIG }),
  jws({ ...HS, blob: BIG }, QUIET_CLAIMS),
  ...[100, 20_000, 2_000_000].map((p2c) => jwe({ ...PBES2, p2c })),
  jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 2000 }),
  jwe({ alg: 'ECDH-ES', enc: 'A128GCM' }),
  jwe({ alg: 'ECDH-ES', enc: 'A128GCM', epk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }),
  jwe({ alg: 'ECDH-ES', enc: 'A128GCM', epk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' } }),
  jwe({ alg: 'dir', enc: 'A128GCM', iss: 'https://idp.example.com' }),
  jwe({ alg: 'dir', enc: 'A128GCM', email: 'jane@example.com', password: 'hunter2hunter2' }),
  jwe({ alg: 'dir', enc: 'A128GCM', card: '4111 1111 1111 1111' }),
  jwe({ alg: 'dir', enc: 'A128GCM', session: TOKEN }),
];

const COOKIES = [
  `jwt=${TOKEN}; Secure; HttpOnly; Path=/`,
  `jwt=${TOKEN}; HttpOnly; Path=/; SameSite=None`,
  `__Secure-jwt=${TOKEN}; HttpOnly; Path=/; SameSite=Strict`,
  `__Host-jwt=${TOKEN}; Secure; HttpOnly; Path=/; SameSite=None`,
  `jwt=${TOKEN}; Secure; HttpOnly; Path=/; SameSite=Lax`,
  `__Secure-jwt=${TOKEN}; Secure; HttpOnly; Path=/; SameSite=Strict`,
  `jwt=${jws(HS, { ...QUIET_CLAIMS, blob: 'x'.repeat(4000) })}; Secure; HttpOnly; Path=/; SameSite=Strict`,
];

describe('the severities a rule declares', () => {
  it('cover what its hits report on tokens that reach every milder and worse case', () => {
    for (const token of TOKENS) expectDeclared(audit(token));
    for (const tokenClass of ['access', 'id', 'refresh'] as const) {
      for (const token of LIFETIMES) expectDeclared(audit(token, { tokenClass }));
    }
  });

  it('cover what the cookie rules report', () => {
    for (const line of COOKIES) {
      const setCookie = parseSetCookie(line)!;
      expectDeclared(audit(setCookie.value, { found: { as: 'cookie', name: setCookie.name, setCookie } }));
    }
  });

  it('cover what the input rules report', () => {
    for (const text of ['a.b', '.b.c', '{"payload":"e30","signature":"AA"}', '{"protected":"e30","ciphertext":"AA","unprotected":{"zip":"DEF"}}']) {
      expectDeclared(auditInput(text));
    }
  });

  it("cover what the jwks rules report, in and out of the certificates' validity", async () => {
    const entries = jwksEntries(JSON.parse(readToolkitFixture('jwks/bad.json')))!;
    for (const now of [Date.parse('2000-01-01T00:00:00Z') / 1000, Date.parse('2100-01-01T00:00:00Z') / 1000]) {
      expectDeclared((await inspectJwks(entries, 'bad.json', now)).findings);
    }
    expectDeclared((await inspectJwks([], 'empty', NOW)).findings);
  });

  it('cover what the token rules report on random headers and claims', () => {
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom('none', 'HS256', 'RS256', 'ES256', 'PBES2-HS256+A128KW', 'ECDH-ES', 'dir', 'DEF', 'secevent+jwt'));
    const header = fc.dictionary(
      fc.constantFrom('alg', 'typ', 'kid', 'crit', 'b64', 'jku', 'x5u', 'jwk', 'x5c', 'zip', 'enc', 'p2c', 'p2s', 'epk', 'cty', 'email'),
      value,
    );
    const claims = fc.dictionary(fc.constantFrom('exp', 'iat', 'nbf', 'aud', 'iss', 'sub', 'email', 'password', 'roles', 'address', 'ssn', 'cvv', 'ip'), value);
    fc.assert(
      fc.property(header, claims, fc.boolean(), (h, c, encrypted) => {
        expectDeclared(audit(encrypted ? jwe(h) : jws(h, c)));
      }),
      fuzzSettings(300),
    );
  });
});
