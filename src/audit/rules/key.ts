import { stringMember } from '../../token/json.js';
import { isJwsAlgorithm, keyMismatch } from '../../verify/algorithms.js';
import { defineRule, type RuleHit } from '../rule.js';
import { hmacTarget, secretTester } from '../secrets/hmac.js';

/**
 * docs/audit.md "Rules that need a key, a secret or a wordlist": rules about the key or secret given to audit with the
 * options of verify. They read `ctx.key`, worked out beforehand
 * (src/audit/key-facts.ts), and say nothing when no key was given.
 */
export const keyRules = [
  defineRule({
    id: 'alg-confusion',
    severity: 'critical',
    category: 'key',
    title: 'Algorithm confusion (public key as HMAC secret)',
    advice:
      'Anyone holding the public key can forge tokens: pin the algorithm per key on the verifier, never take it from the token (RFC 8725 §3.1; CVE-2015-9235, CVE-2016-10555, CVE-2017-11424, CVE-2023-48223).',
    check: ({ token, key }): RuleHit[] => {
      const target = key === undefined ? null : hmacTarget(token);
      if (key === undefined || target === null) return [];
      const signsWith = secretTester(target);
      const used = key.encodings.find((encoding) => signsWith(encoding.bytes));
      return used === undefined ? [] : [{ path: 'header.alg', evidence: `${token.alg} keyed with ${used.name} of ${key.origin}` }];
    },
  }),
  defineRule({
    id: 'key-alg-mismatch',
    severity: 'high',
    category: 'key',
    title: 'Key does not suit alg',
    advice: 'Use one key for one algorithm, of the type and size the algorithm needs (RFC 8725 §3.1; RSA ≥ 2048 bits, RFC 7518 §3.3).',
    check: ({ token, key }): RuleHit[] => {
      const alg = token.alg;
      if (key === undefined || token.kind !== 'JWS' || alg === undefined || !isJwsAlgorithm(alg) || key.candidates.length === 0) return [];
      const reasons = key.candidates.map((k) => keyMismatch(k, alg));
      // In a set, one key that fits is enough: the verifier picks that one.
      if (reasons.some((reason) => reason === null)) return [];
      return [{ path: 'header.alg', evidence: alg, note: [...new Set(reasons)].join('; ') }];
    },
  }),
  defineRule({
    id: 'signature-mismatch',
    severity: 'high',
    alsoReports: ['info'],
    category: 'key',
    title: 'Signature fails with the supplied key',
    advice: 'Either the key is not the one that signed the token, or the token was changed after signing: check which key the issuer uses.',
    check: ({ key }): RuleHit[] => {
      const error = key?.signature?.error;
      if (key === undefined || error === null || error === undefined) return [];
      // Info by default (a wrong key is a likely cause); high when the user said the token must verify.
      return [{ severity: key.expectValid ? 'high' : 'info', path: 'signature', evidence: error.code, note: error.message }];
    },
  }),
  defineRule({
    id: 'kid-mismatch',
    severity: 'low',
    category: 'key',
    title: 'kid does not match the key',
    advice: 'The header kid should name the key that verifies the token (RFC 7515 §4.1.4), or rotation will pick the wrong key.',
    check: ({ token, key }): RuleHit[] => {
      const kid = stringMember(token.header, 'kid');
      const used = key?.signature?.error === null ? key.signature.key : null;
      // A key with no kid of its own (a PEM, a bare secret) names nothing to disagree with.
      if (kid === undefined || used === null || used.kid === null || used.kid === kid || used.thumbprint === kid) return [];
      return [{ path: 'header.kid', evidence: kid, note: `verified by the key with kid ${JSON.stringify(used.kid)}` }];
    },
  }),
  defineRule({
    id: 'private-key-supplied',
    severity: 'info',
    category: 'key',
    title: 'Private key given for verification',
    advice: 'Verifying needs the public key alone: keep private keys where tokens are signed.',
    check: ({ key }): RuleHit[] =>
      key === undefined || key.privateMaterial === null ? [] : [{ path: 'key', evidence: key.privateMaterial, note: `in ${key.origin}` }],
  }),
];
