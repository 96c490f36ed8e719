import { defineRule } from '../rule.js';

export const algorithmRules = [
  defineRule({
    id: 'alg-none',
    severity: 'critical',
    category: 'algorithm',
    title: 'Unsecured alg:none',
    advice: 'Never accept alg:none; pin the algorithms a verifier accepts (RFC 8725 §3.1).',
    check: ({ token }) =>
      token.alg !== undefined && token.alg.toLowerCase() === 'none'
        ? [{ path: 'header.alg', evidence: token.alg, ...(token.alg !== 'none' ? { note: 'case variant: blocklist bypass' } : {}) }]
        : [],
  }),
  defineRule({
    id: 'empty-signature',
    severity: 'critical',
    category: 'algorithm',
    title: 'Empty signature, alg not none',
    advice: 'A verifier that accepts this has no signature check at all (CVE-2020-28042); reject empty signatures.',
    check: ({ token }) =>
      token.kind === 'JWS' && token.segments[2]?.raw === '' ? [{ path: 'signature', evidence: `alg ${token.alg ?? '(missing)'}` }] : [],
  }),
];
