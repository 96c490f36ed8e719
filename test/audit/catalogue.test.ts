import { describe, expect, it } from 'vitest';
import { RULE_KINDS, ruleCatalogue } from '../../src/audit/catalogue.js';
import { CATEGORIES, SEVERITIES, type RuleInfo } from '../../src/audit/rule.js';
import { RULES } from '../../src/audit/rules/index.js';
import { inputRules } from '../../src/audit/rules/input.js';
import { jwksKeyRules, jwksSetRules } from '../../src/audit/rules/jwks.js';

/** Every token rule id, as the README rule table lists them. */
const CATALOGUE_IDS = [
  'not-compact',
  'illegal-characters',
  'non-canonical-base64url',
  'not-json-object',
  'duplicate-member',
  'json-serialization',
  'alg-none',
  'alg-unknown',
  'alg-hmac',
  'alg-rsa-pkcs1',
  'embedded-jwk',
  'jku-x5u-url',
  'embedded-x5c',
  'kid-injection',
  'crit-misuse',
  'b64-false',
  'typ-missing',
  'nested-jwt',
  'unregistered-header',
  'empty-signature',
  'none-with-signature',
  'signature-size',
  'ecdsa-zero-signature',
  'rsa-key-too-small',
  'ecdsa-high-s',
  'no-expiry',
  'bad-numericdate',
  'time-in-milliseconds',
  'lifetime-too-long',
  'expired',
  'times-inconsistent',
  'not-yet-valid',
  'no-iat',
  'no-audience',
  'weak-issuer',
  'no-jti',
  'at-jwt-incomplete',
  'privilege-claim',
  'claim-injection',
  'internal-url',
  'sensitive-credential',
  'private-key-material',
  'service-credential',
  'nested-bearer-token',
  'high-entropy-secret',
  'payment-card',
  'national-id',
  'iban',
  'special-category',
  'date-of-birth',
  'postal-address',
  'phone-number',
  'email-address',
  'ip-address',
  'geolocation',
  'personal-name',
  'cookie-too-big',
  'header-too-big',
  'large-header',
  'overloaded-payload',
  'cookie-no-httponly',
  'cookie-no-secure',
  'cookie-samesite',
  'cookie-prefix',
  'cookie-domain',
  'cookie-outlives-token',
  'cookie-size',
  'token-in-url',
  'jwe-rsa1-5',
  'jwe-compression',
  'jwe-invalid-zip',
  'jwe-pbes2-count',
  'jwe-pbes2-salt',
  'jwe-invalid-epk',
  'jwe-alg-enc-invalid',
  'jwe-plaintext-header-data',
  'jwe-encrypted',
  'jwe-dir-with-key',
  'weak-secret',
  'empty-secret',
  'short-secret',
  'password-like-secret',
  'alg-confusion',
  'key-alg-mismatch',
  'signature-mismatch',
  'kid-mismatch',
  'private-key-supplied',
];

/** The ids of the jwks rules, as `jwt-inspect jwks` reports them. */
const JWKS_IDS = [
  'jwks-private-key',
  'jwks-broken-rsa-key',
  'jwks-weak-rsa',
  'jwks-unusable-key',
  'jwks-bad-certificate',
  'jwks-certificate-validity',
  'jwks-missing-kid',
  'jwks-missing-alg',
  'jwks-missing-use',
  'jwks-empty',
  'jwks-duplicate-kid',
];

describe('ruleCatalogue', () => {
  const catalogue = ruleCatalogue();

  it('lists every catalogue rule once', () => {
    expect(catalogue.map((r) => r.id).sort()).toEqual([...CATALOGUE_IDS].sort());
  });

  it('gives each rule a kebab-case id, a severity, a category, a title and advice', () => {
    for (const rule of catalogue) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(rule.severity);
      expect(CATEGORIES).toContain(rule.category);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.advice.length).toBeGreaterThan(10);
    }
  });

  it('carries data only, no check functions', () => {
    expect(Object.keys(catalogue[0]!).sort()).toEqual(['advice', 'category', 'id', 'severity', 'title']);
  });
});

describe('the catalogue of every kind of rule', () => {
  const tables = { token: RULES, input: inputRules, 'jwks key': jwksKeyRules, 'jwks set': jwksSetRules };

  it('lists the audit rules, then the jwks rules, each id once', () => {
    expect(ruleCatalogue(RULE_KINDS).map((r) => r.id)).toEqual([...ruleCatalogue().map((r) => r.id), ...ruleCatalogue(['jwks']).map((r) => r.id)]);
    expect(
      ruleCatalogue(['jwks'])
        .map((r) => r.id)
        .sort(),
    ).toEqual([...JWKS_IDS].sort());
  });

  it('holds every rule of every table, and an id names one rule: a rule checked on two kinds is the same data', () => {
    const catalogue = new Map(ruleCatalogue(RULE_KINDS).map((r) => [r.id, r]));
    for (const [name, table] of Object.entries(tables)) {
      const ids = table.map((r) => r.id);
      expect(new Set(ids).size, `ids repeated within the ${name} table`).toBe(ids.length);
      for (const { check: _check, ...info } of table) expect(catalogue.get(info.id), info.id).toEqual(info);
    }
  });

  it('gives jwks rules the same shape as audit rules', () => {
    for (const rule of ruleCatalogue(['jwks'])) {
      expect(rule.id).toMatch(/^jwks(?:-[a-z0-9]+)+$/);
      expect(CATEGORIES).toContain(rule.category);
      expect(rule.advice.length).toBeGreaterThan(10);
    }
  });

  it('declares each other severity a rule reports once, and never its own', () => {
    const all: RuleInfo[] = ruleCatalogue(RULE_KINDS);
    for (const { id, severity, alsoReports = [] } of all) {
      expect(alsoReports, id).not.toContain(severity);
      expect(new Set(alsoReports).size, id).toBe(alsoReports.length);
    }
  });
});
