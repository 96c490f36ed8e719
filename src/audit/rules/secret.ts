import { Buffer } from 'node:buffer';
import { isHmacAlg, minimumSecretBytes } from '../../jose/algorithms.js';
import type { DecodedToken } from '../../token/decode.js';
import { evidenceOf } from '../mask.js';
import { defineRule, findingOf, type Finding, type RuleHit } from '../rule.js';
import { BUILTIN_WEAK_SECRETS } from '../secrets/builtin-list.js';
import { passwordLikeReasons } from '../secrets/password-like.js';
import { findWeakSecret, signedWithEmptySecret, type CrackResult } from '../secrets/weak-secret.js';

/** The weak-secret hit for a match, from the built-in list or a wordlist run by the crack pool. */
function weakSecretHit(result: CrackResult & { readonly match: string }, source: string, showValues: boolean): RuleHit {
  return { path: 'signature', evidence: evidenceOf(result.match, showValues), note: `found in ${source} after ${result.tries} tries` };
}

const weakSecret = defineRule({
  id: 'weak-secret',
  severity: 'critical',
  category: 'secret',
  title: 'Weak HMAC secret (dictionary)',
  advice: 'Anyone can forge tokens with this secret: replace it with 32+ random bytes (RFC 8725 §3.5) and revoke the tokens it signed.',
  check: ({ token, showValues }) => {
    const result = findWeakSecret(token, BUILTIN_WEAK_SECRETS);
    return result.match === null ? [] : [weakSecretHit({ ...result, match: result.match }, 'the built-in list', showValues)];
  },
});

/** The weak-secret finding for a wordlist match (the CLI runs the crack pool, then reports through this). */
export function weakSecretFinding(result: CrackResult & { readonly match: string }, source: string, showValues: boolean): Finding {
  return findingOf(weakSecret, weakSecretHit(result, source, showValues));
}

/** The secret audit was given, when the token is one it applies to (HS*); key-facts.ts's suppliedSecret picks it from the keys. */
function secretForHmacToken(token: DecodedToken, secret: Uint8Array | undefined): Uint8Array | null {
  return secret !== undefined && token.kind === 'JWS' && isHmacAlg(token.alg) ? secret : null;
}

export const secretRules = [
  defineRule({
    id: 'empty-secret',
    severity: 'critical',
    category: 'secret',
    title: 'Empty HMAC secret',
    advice: 'The token is signed with a zero-length key, so anyone can forge one (CVE-2019-20933); configure a real secret.',
    check: ({ token }) => (signedWithEmptySecret(token) ? [{ path: 'signature', evidence: '(empty)' }] : []),
  }),
  weakSecret,
  defineRule({
    id: 'short-secret',
    severity: 'high',
    category: 'secret',
    title: 'Supplied secret too short',
    advice: 'RFC 7518 §3.2: an HMAC key MUST be at least as long as the hash (32/48/64 bytes); use random bytes.',
    check: ({ token, secret }): RuleHit[] => {
      const key = secretForHmacToken(token, secret);
      const needed = minimumSecretBytes(token.alg);
      if (key === null || needed === null || key.length >= needed) return [];
      return [{ path: 'secret', evidence: `${key.length} bytes; ${token.alg} needs ${needed}` }];
    },
  }),
  defineRule({
    id: 'password-like-secret',
    severity: 'medium',
    category: 'secret',
    title: 'Supplied secret is password-like',
    advice: 'Human-memorable passwords MUST NOT be used as HMAC keys (RFC 8725 §3.5); use 64+ random characters or 32+ random bytes.',
    check: ({ token, secret, showValues }): RuleHit[] => {
      const key = secretForHmacToken(token, secret);
      const reasons = key === null ? [] : passwordLikeReasons(key);
      if (key === null || reasons.length === 0) return [];
      return [{ path: 'secret', evidence: evidenceOf(Buffer.from(key).toString('latin1'), showValues), note: reasons.join('; ') }];
    },
  }),
];
