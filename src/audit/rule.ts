import type { DecodedToken } from '../token/decode.js';
import type { FoundToken } from '../token/extract.js';
import type { KeyFacts } from './key-facts.js';
import type { TokenClass } from './token-class.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['format', 'header', 'algorithm', 'lifetime', 'sensitive-data', 'size', 'cookie', 'key', 'secret'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lifetime limits in seconds for each token class (policy: users may change them). */
export interface LifetimePolicy {
  readonly access: number;
  readonly id: number;
  readonly refresh: number;
}

/** Everything a token rule may look at. Rules are pure: no clock, no I/O. */
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
  /** One of the rule's `alsoReports`, which test/audit/severities.test.ts checks against the hits it makes. */
  readonly severity?: Severity;
  /** `header.alg`, `payload.address.street`, `signature`, ... */
  readonly path?: string;
  readonly evidence?: string;
  /** Extra words for this hit (the title says what the rule is). */
  readonly note?: string;
}

/** What the README, `--ignore` and SARIF need to know about a rule: everything but its check. */
export interface RuleInfo {
  /** Stable and unique across every kind of rule (token, input, JWKS): `--ignore` and SARIF name rules by it. */
  readonly id: string;
  /** What a hit reports unless it names another; the rule's default level in SARIF. */
  readonly severity: Severity;
  /** The other severities a hit may name, so that the README shows the range the rule really reports. */
  readonly alsoReports?: readonly Severity[];
  readonly category: Category;
  readonly title: string;
  /** One line: what to do about it. */
  readonly advice: string;
}

/**
 * The one shape of rule, generic over what it checks: a decoded token
 * (AuditContext, the default), input text that holds no compact token
 * (auditInput), or one key or the whole of a JWKS (audit/rules/jwks.ts).
 */
export interface Rule<Ctx = AuditContext> extends RuleInfo {
  readonly check: (ctx: Ctx) => readonly RuleHit[];
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

/** A rule on a token by default; name the context for another kind: `defineRule<string>({ ... })`. */
export function defineRule<Ctx = AuditContext>(rule: Rule<Ctx>): Rule<Ctx> {
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

/** Every severity a rule can report, worst first. */
export function severitiesOf(rule: RuleInfo): Severity[] {
  const reported = new Set([rule.severity, ...(rule.alsoReports ?? [])]);
  return SEVERITIES.filter((s) => reported.has(s));
}

/** Higher is worse; used to sort and to compare against `--fail-on`. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
