import type { DecodedToken } from '../token/decode.js';
import type { FoundToken } from '../token/extract.js';
import type { TokenClass } from './token-class.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['header', 'algorithm', 'lifetime', 'sensitive-data', 'size', 'cookie', 'key', 'secret'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lifetime limits in seconds for each token class (policy: users may change them). */
export interface LifetimePolicy {
  readonly access: number;
  readonly id: number;
  readonly refresh: number;
}

/** Everything a rule may look at. Rules are pure: no clock, no I/O. */
export interface AuditContext {
  readonly token: DecodedToken;
  /** How the token was held in the input (bearer, cookie with its Set-Cookie line, URL, JSON). */
  readonly found: FoundToken;
  /** Unix seconds. */
  readonly now: number;
  /** Clock-skew tolerance in seconds for time rules. */
  readonly skew: number;
  readonly tokenClass: TokenClass;
  /** Whether the class came from `--profile` rather than being inferred. */
  readonly classGiven: boolean;
  readonly lifetimes: LifetimePolicy;
  /** Evidence shows values in full instead of masked. */
  readonly showValues: boolean;
}

/** One thing a rule saw; the rule's own severity applies unless the hit names another. */
export interface RuleHit {
  readonly severity?: Severity;
  /** `header.alg`, `payload.address.street`, `signature`, ... */
  readonly path?: string;
  readonly evidence?: string;
  /** Extra words for this hit (the title says what the rule is). */
  readonly note?: string;
}

export interface Rule {
  readonly id: string;
  /** The highest severity the rule can report (its default level in SARIF). */
  readonly severity: Severity;
  readonly category: Category;
  readonly title: string;
  /** One line: what to do about it. */
  readonly advice: string;
  readonly check: (ctx: AuditContext) => readonly RuleHit[];
}

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly title: string;
  readonly path: string | null;
  readonly evidence: string | null;
  readonly note: string | null;
  readonly advice: string;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Higher is worse; used to sort and to compare against `--fail-on`. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
