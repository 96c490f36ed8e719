import type { RuleInfo } from './rule.js';
import { RULES } from './rules/index.js';
import { inputRules } from './rules/input.js';
import { jwksKeyRules, jwksSetRules } from './rules/jwks.js';

/** The kinds of rule, by what they check: a decoded token, input text that holds no token, a JWKS (each key, then the set). */
export const RULE_KINDS = ['token', 'input', 'jwks'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What `audit` reports, and so what SARIF `rules` and `--ignore` know. */
const AUDIT_KINDS: readonly RuleKind[] = ['token', 'input'];

const TABLES: Record<RuleKind, readonly RuleInfo[]> = {
  token: RULES,
  input: inputRules,
  jwks: [...jwksKeyRules, ...jwksSetRules],
};

/**
 * The one catalogue: the rules of the given kinds (by default the ones
 * `audit` reports; RULE_KINDS for all), once each, in table order, kind by
 * kind. A rule checked on two kinds (jwe-invalid-zip, on a compact token and
 * on the JSON serialization) is listed with the first. What the README rule
 * tables, SARIF `rules` and `--ignore` validation read: data only, no checks.
 */
export function ruleCatalogue(kinds: readonly RuleKind[] = AUDIT_KINDS): RuleInfo[] {
  const seen = new Set<string>();
  const out: RuleInfo[] = [];
  for (const kind of RULE_KINDS.filter((k) => kinds.includes(k))) {
    for (const { id, severity, alsoReports, category, title, advice } of TABLES[kind]) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ id, severity, ...(alsoReports === undefined ? {} : { alsoReports }), category, title, advice });
    }
  }
  return out;
}
