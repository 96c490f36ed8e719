import { formatDuration } from '../../claims/duration.js';
import { relativeTime, spanText } from '../../claims/relative.js';
import { LAST_ISO_SECOND, numericDate } from '../../claims/times.js';
import { member, stringMember } from '../../token/json.js';
import { defineRule, type LifetimePolicy, type RuleHit, type Severity } from '../rule.js';
import type { TokenClass } from '../token-class.js';

const HOUR = 3600;
const DAY = 86400;

/** docs/audit.md "Token classes and lifetimes" defaults: how long each class may live before each severity. */
export const DEFAULT_LIFETIMES: LifetimePolicy = { access: 15 * 60, id: HOUR, refresh: 7 * DAY };

/** Severity bands above the class limit: [upper bound, severity], the last unbounded. */
const BANDS: Record<TokenClass, ReadonlyArray<readonly [number, Severity]>> = {
  access: [
    [HOUR, 'low'],
    [DAY, 'medium'],
    [Infinity, 'high'],
  ],
  id: [
    [DAY, 'low'],
    [Infinity, 'medium'],
  ],
  refresh: [
    [30 * DAY, 'medium'],
    [Infinity, 'high'],
  ],
};

function lifetimeSeverity(tokenClass: TokenClass, lifetime: number, limit: number): Severity | null {
  if (lifetime > 365 * DAY) return 'high';
  if (lifetime <= limit) return null;
  return BANDS[tokenClass].find(([upTo]) => lifetime <= upTo)?.[1] ?? BANDS[tokenClass].at(-1)![1];
}

const TIME_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time'] as const;

/** 2000-01-01 and 2100-01-01 in seconds: the window a millisecond time, divided by 1000, falls in. */
const MS_WINDOW = [946684800, 4102444800] as const;

function looksLikeMilliseconds(value: number): boolean {
  return value > 1e11 && value / 1000 >= MS_WINDOW[0] && value / 1000 < MS_WINDOW[1];
}

export const lifetimeRules = [
  defineRule({
    id: 'no-expiry',
    severity: 'high',
    alsoReports: ['info'],
    category: 'lifetime',
    title: 'No expiry',
    advice: 'Issue tokens with an exp claim; a token without one is valid forever once stolen (RFC 9068 §2.2).',
    check: ({ token }) => {
      if (token.claims === null || member(token.claims, 'exp') !== undefined) return [];
      // RFC 8417 §2.2: a Security Event Token describes an event and need not expire.
      const typ = stringMember(token.header, 'typ')?.toLowerCase();
      return [{ path: 'payload.exp', ...(typ === 'secevent+jwt' ? { severity: 'info' as const, note: 'a Security Event Token' } : {}) }];
    },
  }),
  defineRule({
    id: 'bad-numericdate',
    severity: 'medium',
    category: 'lifetime',
    title: 'Malformed NumericDate',
    advice: 'exp, nbf, iat and auth_time must be JSON numbers of seconds since 1970 (RFC 7519 §2); libraries disagree on anything else.',
    check: ({ token }) =>
      TIME_CLAIMS.flatMap((name): RuleHit[] => {
        const node = member(token.claims, name);
        if (node === undefined) return [];
        if (node.type !== 'number') return [{ path: `payload.${name}`, evidence: `a JSON ${node.type}` }];
        if (!Number.isFinite(node.value) || node.value < 0 || node.value > LAST_ISO_SECOND) {
          return [{ path: `payload.${name}`, evidence: node.raw, note: 'out of range' }];
        }
        return [];
      }),
  }),
  defineRule({
    id: 'time-in-milliseconds',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'lifetime',
    title: 'Times in milliseconds',
    advice: 'NumericDates are seconds (RFC 7519 §2); a Date.now value puts exp tens of thousands of years out.',
    check: ({ token }) =>
      (['exp', 'iat', 'nbf'] as const).flatMap((name): RuleHit[] => {
        const value = numericDate(token.claims, name);
        if (value === undefined || !looksLikeMilliseconds(value)) return [];
        const hit: RuleHit = { path: `payload.${name}`, evidence: `${value}: ${new Date(value).toISOString()} if read as milliseconds` };
        return [name === 'exp' ? hit : { ...hit, severity: 'medium' }];
      }),
  }),
  defineRule({
    id: 'lifetime-too-long',
    severity: 'high',
    alsoReports: ['medium', 'low'],
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
    id: 'expired',
    severity: 'info',
    category: 'lifetime',
    title: 'Expired',
    advice: 'A verifier must reject this token (RFC 7519 §4.1.4).',
    check: ({ token, now, skew }) => {
      const exp = numericDate(token.claims, 'exp');
      return exp !== undefined && exp <= now - skew ? [{ path: 'payload.exp', evidence: `expired ${relativeTime(exp - now)}` }] : [];
    },
  }),
  defineRule({
    id: 'times-inconsistent',
    severity: 'medium',
    category: 'lifetime',
    title: 'Times inconsistent',
    advice: 'The issuer clock is wrong or the token was forged; verifiers should bound iat (jose maxTokenAge).',
    check: ({ token, now, skew }): RuleHit[] => {
      const iat = numericDate(token.claims, 'iat');
      const nbf = numericDate(token.claims, 'nbf');
      const exp = numericDate(token.claims, 'exp');
      const hits: RuleHit[] = [];
      if (iat !== undefined && iat > now + skew) hits.push({ path: 'payload.iat', note: `issued ${relativeTime(iat - now)}` });
      if (nbf !== undefined && exp !== undefined && nbf > exp) hits.push({ path: 'payload.nbf', note: 'nbf is after exp' });
      if (iat !== undefined && exp !== undefined && iat > exp) hits.push({ path: 'payload.iat', note: 'iat is after exp' });
      if (iat !== undefined && exp !== undefined && iat === exp) hits.push({ path: 'payload.exp', note: 'exp equals iat' });
      return hits;
    },
  }),
  defineRule({
    id: 'not-yet-valid',
    severity: 'info',
    category: 'lifetime',
    title: 'Not yet valid',
    advice: 'A verifier must reject this token until nbf (RFC 7519 §4.1.5).',
    check: ({ token, now, skew }) => {
      const nbf = numericDate(token.claims, 'nbf');
      return nbf !== undefined && nbf > now + skew ? [{ path: 'payload.nbf', evidence: `valid ${relativeTime(nbf - now)}` }] : [];
    },
  }),
  defineRule({
    id: 'no-iat',
    severity: 'low',
    category: 'lifetime',
    title: 'No iat',
    advice: "Without iat a token's age cannot be bounded (jose maxTokenAge needs it; RFC 9068 §2.2 requires it).",
    check: ({ token }) => (token.claims !== null && member(token.claims, 'iat') === undefined ? [{ path: 'payload.iat' }] : []),
  }),
];
