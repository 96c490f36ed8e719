import { inputRules } from './rules/input.js';
import { RULES } from './rules/index.js';
import type { RuleInfo } from './rule.js';

/**
 * Every rule the audit can report, once each, in table order: token rules,
 * then the input rules not already listed (not-compact, json-serialization).
 * What the README rule list, SARIF `rules` and `--ignore` validation read.
 */
export function ruleCatalogue(): RuleInfo[] {
  const seen = new Set<string>();
  const out: RuleInfo[] = [];
  for (const { id, severity, category, title, advice } of [...RULES, ...inputRules]) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, severity, category, title, advice });
  }
  return out;
}
