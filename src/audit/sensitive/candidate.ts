/** Detector verdicts on one value, and how the pipeline picks and rates one (docs/audit.md "Sensitive data" step 4). */
import { severityRank, type Severity } from '../rule.js';
import type { TokenClass } from '../token-class.js';
import type { NameCategory } from './names.js';

export type SensitiveRuleId =
  | 'sensitive-credential'
  | 'private-key-material'
  | 'service-credential'
  | 'nested-bearer-token'
  | 'high-entropy-secret'
  | 'payment-card'
  | 'national-id'
  | 'iban'
  | 'special-category'
  | 'date-of-birth'
  | 'postal-address'
  | 'phone-number'
  | 'email-address'
  | 'ip-address'
  | 'geolocation'
  | 'personal-name';

export type Confidence = 'high' | 'medium' | 'low';

/** What one detector concluded about one value. */
export interface Candidate {
  readonly rule: SensitiveRuleId;
  readonly severity: Severity;
  /** Said by the value (a validator or a format) rather than by the name alone. */
  readonly byValue: boolean;
  /** The value check was one that only runs under a fitting name (date of birth, coordinates …). */
  readonly byBoth?: boolean;
  readonly what: string;
}

/** Where a leaf stands, for the rules that depend on it. */
export interface LeafScope {
  /** The leaf sits directly in a claims set (a token's payload, not a JSON string inside one). */
  readonly claimsSet: boolean;
  readonly tokenClass: TokenClass;
  readonly now: number;
}

/** Name categories whose values the value detectors confirm: a hit under such a name has high confidence. */
const CONFIRMS: Partial<Record<SensitiveRuleId, readonly NameCategory[]>> = {
  'payment-card': ['card'],
  iban: ['bank'],
  'national-id': ['government-id'],
  'email-address': ['email'],
  'phone-number': ['phone'],
  'ip-address': ['network'],
  'service-credential': ['credential', 'bearer'],
  'private-key-material': ['credential'],
};

export function confidenceOf(candidate: Candidate, category: NameCategory | null): Confidence {
  if (!candidate.byValue) return 'low';
  if (candidate.byBoth || (category !== null && CONFIRMS[candidate.rule]?.includes(category))) return 'high';
  return 'medium';
}

/** Severity = max(name rule, value rule); on a tie the value detector, which says more, wins. */
export function strongest(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    const lead = best === null ? 1 : severityRank(c.severity) - severityRank(best.severity);
    if (lead > 0 || (lead === 0 && c.byValue && !best!.byValue)) best = c;
  }
  return best;
}
