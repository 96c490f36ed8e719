import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { auditInput } from '../../src/audit/input.js';
import { SEVERITIES } from '../../src/audit/rule.js';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { jwe, jws, part } from '../helpers/tokens.js';
import { audit } from './helpers.js';

const RUNS = fuzzSettings(200);
const KNOWN_IDS = new Set(ruleCatalogue().map((r) => r.id));

/** Header values that reach the interesting branches: registered names with arbitrary values. */
const registeredHeaderArb = fc.record(
  {
    alg: fc.oneof(fc.constantFrom('HS256', 'RS256', 'ES256', 'none', 'NoNe', 'PBES2-HS256+A128KW', 'ECDH-ES', 'dir'), fc.jsonValue()),
    typ: fc.oneof(fc.constantFrom('JWT', 'at+jwt', 'secevent+jwt'), fc.jsonValue()),
    kid: fc.oneof(fc.string(), fc.jsonValue()),
    crit: fc.jsonValue(),
    b64: fc.jsonValue(),
    jku: fc.oneof(fc.webUrl(), fc.jsonValue()),
    jwk: fc.jsonValue(),
    x5c: fc.jsonValue(),
    zip: fc.jsonValue(),
    p2c: fc.jsonValue(),
    p2s: fc.jsonValue(),
    epk: fc.jsonValue(),
    enc: fc.jsonValue(),
    cty: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const headerArb = fc.oneof(registeredHeaderArb, fc.dictionary(fc.string(), fc.jsonValue()));

const payloadArb = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue()),
  fc.record(
    {
      exp: fc.jsonValue(),
      iat: fc.jsonValue(),
      nbf: fc.jsonValue(),
      aud: fc.jsonValue(),
      iss: fc.jsonValue(),
      sub: fc.jsonValue(),
      email: fc.oneof(fc.emailAddress(), fc.jsonValue()),
      password: fc.jsonValue(),
      roles: fc.jsonValue(),
      address: fc.jsonValue(),
      data: fc.jsonValue().map((v) => JSON.stringify(v)),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

const signatureArb = fc.uint8Array({ maxLength: 140 }).map((bytes) => Buffer.from(bytes).toString('base64url'));

describe('audit properties', () => {
  it('runRules never throws and only reports known rules with valid severities, for any JWS', () => {
    fc.assert(
      fc.property(headerArb, payloadArb, signatureArb, (header, payload, signature) => {
        const findings = audit(jws(header, payload, signature));
        for (const f of findings) {
          expect(KNOWN_IDS.has(f.id)).toBe(true);
          expect(SEVERITIES).toContain(f.severity);
        }
      }),
      RUNS,
    );
  });

  it('runRules never throws for any JWE header', () => {
    fc.assert(
      fc.property(headerArb, fc.string(), (header, key) => {
        expect(() => audit(jwe(header, part(key)))).not.toThrow();
      }),
      RUNS,
    );
  });

  it('auditInput never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.array(fc.string(), { maxLength: 7 }).map((parts) => parts.join('.')),
        ),
        (text) => {
          expect(() => auditInput(text)).not.toThrow();
        },
      ),
      RUNS,
    );
  });
});
