import { isHmacAlg, jwsAlgorithm } from '../../jose/algorithms.js';
import { member } from '../../token/json.js';
import { defineRule, type RuleHit } from '../rule.js';

export const algorithmRules = [
  defineRule({
    id: 'alg-none',
    severity: 'critical',
    category: 'algorithm',
    title: 'Unsecured alg:none',
    advice: 'Never accept alg:none (RFC 7518 §3.6); pin the algorithms a verifier accepts (RFC 8725 §3.1).',
    check: ({ token }) =>
      token.alg !== undefined && token.alg.toLowerCase() === 'none'
        ? [{ path: 'header.alg', evidence: token.alg, ...(token.alg !== 'none' ? { note: 'case variant: blocklist bypass' } : {}) }]
        : [],
  }),
  defineRule({
    id: 'alg-unknown',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'algorithm',
    title: 'alg missing, not a string or unknown',
    advice: 'alg is REQUIRED (RFC 7515 §4.1.1); verifiers must allowlist algorithms, never trust the header (RFC 8725 §3.1).',
    check: ({ token }): RuleHit[] => {
      // A JWE's alg is a key-management algorithm: jwe-alg-enc-invalid judges it.
      if (token.kind === 'JWE') return [];
      const alg = member(token.header, 'alg');
      if (alg === undefined) return [{ path: 'header.alg', note: 'missing' }];
      if (alg.type !== 'string') return [{ path: 'header.alg', evidence: `a JSON ${alg.type}` }];
      if (alg.value.toLowerCase() === 'none' || jwsAlgorithm(alg.value) !== undefined) return [];
      return [{ severity: 'medium', path: 'header.alg', evidence: alg.value, note: 'not in the JWS algorithm registry' }];
    },
  }),
  defineRule({
    id: 'alg-hmac',
    severity: 'info',
    category: 'algorithm',
    title: 'Symmetric MAC in use',
    advice: 'Every verifier holds the signing secret and it can be cracked offline; prefer a signature unless issuer = audience.',
    check: ({ token }) => (token.kind === 'JWS' && isHmacAlg(token.alg) ? [{ path: 'header.alg', evidence: token.alg }] : []),
  }),
  defineRule({
    id: 'alg-rsa-pkcs1',
    severity: 'low',
    category: 'algorithm',
    title: 'RSASSA-PKCS1-v1_5',
    advice: 'Prefer PS256 or ES256/EdDSA; two RS tokens reveal the public key, which loose verifiers accept as an HMAC secret.',
    check: ({ token }) =>
      token.kind === 'JWS' && token.alg !== undefined && jwsAlgorithm(token.alg)?.family === 'RSASSA-PKCS1-v1_5'
        ? [{ path: 'header.alg', evidence: token.alg }]
        : [],
  }),
];
