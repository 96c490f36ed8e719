import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { CATEGORIES, SEVERITIES } from '../../src/audit/rule.js';

/** Every id of AUDIT-RULES §1.1–§1.9. */
const CATALOGUE_IDS = [
  'not-compact', 'illegal-characters', 'non-canonical-base64url', 'not-json-object', 'duplicate-member', 'json-serialization',
  'alg-none', 'alg-unknown', 'alg-hmac', 'alg-rsa-pkcs1', 'embedded-jwk', 'jku-x5u-url', 'embedded-x5c', 'kid-injection', 'crit-misuse',
  'b64-false', 'typ-missing', 'nested-jwt', 'unregistered-header',
  'empty-signature', 'none-with-signature', 'signature-size', 'ecdsa-zero-signature', 'rsa-key-too-small', 'ecdsa-high-s',
  'no-expiry', 'bad-numericdate', 'time-in-milliseconds', 'lifetime-too-long', 'expired', 'times-inconsistent', 'not-yet-valid', 'no-iat',
  'no-audience', 'weak-issuer', 'no-jti', 'at-jwt-incomplete', 'privilege-claim', 'claim-injection', 'internal-url',
  'sensitive-credential', 'private-key-material', 'service-credential', 'nested-bearer-token', 'high-entropy-secret', 'payment-card',
  'national-id', 'iban', 'special-category', 'date-of-birth', 'postal-address', 'phone-number', 'email-address', 'ip-address',
  'geolocation', 'personal-name',
  'cookie-too-big', 'header-too-big', 'large-header', 'overloaded-payload',
  'cookie-no-httponly', 'cookie-no-secure', 'cookie-samesite', 'cookie-prefix', 'cookie-domain', 'cookie-outlives-token', 'cookie-size', 'token-in-url',
  'jwe-rsa1-5', 'jwe-compression', 'jwe-invalid-zip', 'jwe-pbes2-count', 'jwe-pbes2-salt', 'jwe-invalid-epk', 'jwe-alg-enc-invalid',
  'jwe-plaintext-header-data', 'jwe-encrypted', 'jwe-dir-with-key',
  'weak-secret', 'empty-secret', 'short-secret', 'password-like-secret',
  'alg-confusion', 'key-alg-mismatch', 'signature-mismatch', 'kid-mismatch', 'private-key-supplied',
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
