import { RULES } from './rules/index.js';
import { severityRank, type AuditContext, type Finding, type Rule } from './rule.js';

/** Run every rule not ignored; findings come worst first, in table order within a severity. */
export function runRules(ctx: AuditContext, ignore: ReadonlySet<string> = new Set(), rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (ignore.has(rule.id)) continue;
    for (const hit of rule.check(ctx)) {
      findings.push({
        id: rule.id,
        severity: hit.severity ?? rule.severity,
        category: rule.category,
        title: rule.title,
        path: hit.path ?? null,
        evidence: hit.evidence ?? null,
        note: hit.note ?? null,
        advice: rule.advice,
      });
    }
  }
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}
