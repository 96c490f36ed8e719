import type { DecodedToken } from '../token/decode.js';
import type { FoundToken } from '../token/extract.js';
import type { KeyFacts } from './key-facts.js';
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
  /** The HMAC secret the user supplied (`--secret*`), for short-secret and password-like-secret. */
  readonly secret?: Uint8Array;
  /** The key or secret the user supplied (`--key`, `--jwks`, `--secret*`, ...), for the key rules. */
  readonly key?: KeyFacts;
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

/** What the README, `--ignore` and SARIF need to know about a rule: everything but its check. */
export type RuleInfo = Omit<Rule, 'check'>;

/**
 * A rule about the input text itself rather than a decoded token: it runs
 * when the input is not a compact token at all (not-compact,
 * json-serialization), through auditInput().
 */
export interface InputRule extends RuleInfo {
  readonly checkInput: (text: string) => readonly RuleHit[];
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

export function defineInputRule(rule: InputRule): InputRule {
  return rule;
}

/** A finding from a rule and one of its hits. */
export function findingOf(rule: RuleInfo, hit: RuleHit): Finding {
  return {
    id: rule.id,
    severity: hit.severity ?? rule.severity,
    category: rule.category,
    title: rule.title,
    path: hit.path ?? null,
    evidence: hit.evidence ?? null,
    note: hit.note ?? null,
    advice: rule.advice,
  };
}

/** Higher is worse; used to sort and to compare against `--fail-on`. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
