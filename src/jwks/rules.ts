import { findingOf, type Finding, type RuleHit, type RuleInfo } from '../audit/rule.js';

/** What `jwt-inspect jwks` flags in a published key set; the README lists them from here. */
export const JWKS_RULES = {
  'jwks-private-key': {
    id: 'jwks-private-key',
    severity: 'critical',
    category: 'key',
    title: 'Private key material in a published key set',
    advice: 'Remove the private members (d, p, q, dp, dq, qi, oth; k of an oct key) now, and replace the key: anyone who fetched the set can sign tokens.',
  },
  'jwks-broken-rsa-key': {
    id: 'jwks-broken-rsa-key',
    severity: 'critical',
    category: 'key',
    title: 'Broken RSA key: bad public exponent or ROCA fingerprint',
    advice: 'Remove the key and rotate to one from a sound generator (odd e ≥ 3, usually 65537: RFC 8017 §3.1; not Infineon RSALib: CVE-2017-15361); distrust every token it verified.',
  },
  'jwks-weak-rsa': {
    id: 'jwks-weak-rsa',
    severity: 'high',
    category: 'key',
    title: 'RSA key shorter than 2048 bits',
    advice: 'Rotate to an RSA key of 2048 bits or more (RFC 7518 §3.3), or to an EC or Ed25519 key.',
  },
  'jwks-unusable-key': {
    id: 'jwks-unusable-key',
    severity: 'high',
    category: 'key',
    title: 'Key that cannot be read',
    advice: 'Fix or remove the entry: verifiers skip it (RFC 7517 §5), so tokens signed with it fail.',
  },
  'jwks-empty': {
    id: 'jwks-empty',
    severity: 'high',
    category: 'key',
    title: 'Key set without keys',
    advice: 'Publish the public keys the issuer signs with; no token can verify against an empty set.',
  },
  'jwks-bad-certificate': {
    id: 'jwks-bad-certificate',
    severity: 'high',
    category: 'key',
    title: 'x5c certificate that does not certify this key',
    advice: 'Publish in x5c the certificate of this very key (RFC 7517 §4.7), or drop x5c.',
  },
  'jwks-certificate-validity': {
    id: 'jwks-certificate-validity',
    severity: 'high',
    category: 'key',
    title: 'x5c certificate outside its validity period',
    advice: 'Renew the certificate; verifiers that check x5c reject the key until then.',
  },
  'jwks-duplicate-kid': {
    id: 'jwks-duplicate-kid',
    severity: 'medium',
    category: 'key',
    title: 'Several keys with the same kid',
    advice: 'Give every key its own kid (RFC 7517 §4.5), or a verifier may try the wrong key and reject good tokens.',
  },
  'jwks-missing-kid': {
    id: 'jwks-missing-kid',
    severity: 'medium',
    category: 'key',
    title: 'Key without kid',
    advice: 'Add a kid (the RFC 7638 thumbprint is a good one) so that verifiers can pick the key a token names.',
  },
  'jwks-missing-alg': {
    id: 'jwks-missing-alg',
    severity: 'low',
    category: 'key',
    title: 'Key without alg',
    advice: 'Add alg so that verifiers accept only the algorithm the key is for (RFC 8725 §3.1).',
  },
  'jwks-missing-use': {
    id: 'jwks-missing-use',
    severity: 'low',
    category: 'key',
    title: 'Key without use or key_ops',
    advice: 'Add "use": "sig" (or key_ops) so that a signing key is not taken for encryption (RFC 7517 §4.2).',
  },
} as const satisfies Record<string, RuleInfo>;

export type JwksRuleId = keyof typeof JWKS_RULES;

export function jwksFinding(id: JwksRuleId, hit: RuleHit): Finding {
  return findingOf(JWKS_RULES[id], hit);
}
