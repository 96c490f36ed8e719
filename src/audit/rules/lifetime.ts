import { formatDuration } from '../../claims/duration.js';
import { spanText } from '../../claims/relative.js';
import { numericDate } from '../../claims/times.js';
import { member, stringMember } from '../../token/json.js';
import { defineRule, type LifetimePolicy, type RuleHit, type Severity } from '../rule.js';
import type { TokenClass } from '../token-class.js';

const HOUR = 3600;
const DAY = 86400;

/** AUDIT-RULES §1.4 defaults: how long each class may live before each severity. */
export const DEFAULT_LIFETIMES: LifetimePolicy = { access: 15 * 60, id: HOUR, refresh: 7 * DAY };

/** Severity bands above the class limit: [upper bound, severity], the last unbounded. */
const BANDS: Record<TokenClass, ReadonlyArray<readonly [number, Severity]>> = {
  access: [[HOUR, 'low'], [DAY, 'medium'], [Infinity, 'high']],
  id: [[DAY, 'low'], [Infinity, 'medium']],
  refresh: [[30 * DAY, 'medium'], [Infinity, 'high']],
};

export function lifetimeSeverity(tokenClass: TokenClass, lifetime: number, limit: number): Severity | null {
  if (lifetime > 365 * DAY) return 'high';
  if (lifetime <= limit) return null;
  return BANDS[tokenClass].find(([upTo]) => lifetime <= upTo)?.[1] ?? BANDS[tokenClass].at(-1)![1];
}

export const lifetimeRules = [
  defineRule({
    id: 'no-expiry',
    severity: 'high',
    category: 'lifetime',
    title: 'No expiry',
    advice: 'Issue tokens with an exp claim; a token without one is valid forever once stolen.',
    check: ({ token }) => {
      if (token.claims === null || member(token.claims, 'exp') !== undefined) return [];
      const typ = stringMember(token.header, 'typ')?.toLowerCase();
      return [{ path: 'payload.exp', ...(typ === 'secevent+jwt' ? { severity: 'info' as const } : {}) }];
    },
  }),
  defineRule({
    id: 'lifetime-too-long',
    severity: 'high',
    category: 'lifetime',
    title: 'Lifetime too long',
    advice: 'Keep access tokens to minutes and refresh tokens to days; rotate instead of extending.',
    check: ({ token, now, tokenClass, classGiven, lifetimes }): RuleHit[] => {
      const exp = numericDate(token.claims, 'exp');
      if (exp === undefined) return [];
      const start = numericDate(token.claims, 'iat') ?? numericDate(token.claims, 'nbf');
      const lifetime = exp - (start ?? now);
      const limit = lifetimes[tokenClass];
      const severity = lifetimeSeverity(tokenClass, lifetime, limit);
      if (severity === null) return [];
      const from = start === undefined ? ' (no iat or nbf: measured from now)' : '';
      return [
        {
          severity,
          path: 'payload.exp',
          evidence: `${spanText(lifetime)}${from}`,
          note: `${classGiven ? '' : 'inferred '}${tokenClass} token; limit ${formatDuration(limit)}`,
        },
      ];
    },
  }),
  defineRule({
    id: 'bad-numericdate',
    severity: 'medium',
    category: 'lifetime',
    title: 'Malformed NumericDate',
    advice: 'exp, nbf, iat and auth_time must be JSON numbers of seconds since 1970 (RFC 7519 §2).',
    check: ({ token }) =>
      ['exp', 'nbf', 'iat', 'auth_time'].flatMap((name): RuleHit[] => {
        const node = member(token.claims, name);
        if (node === undefined) return [];
        if (node.type !== 'number') return [{ path: `payload.${name}`, evidence: `a JSON ${node.type}` }];
        if (!Number.isFinite(node.value) || node.value < 0 || node.value > 253402300799) {
          return [{ path: `payload.${name}`, evidence: node.raw }];
        }
        return [];
      }),
  }),
];
