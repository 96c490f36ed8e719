import { RULES } from './rules/index.js';
import { findingOf, severityRank, type AuditContext, type Finding, type Rule } from './rule.js';

/** Worst first; findings of one severity keep the order they were made in (table order). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

/** Run every rule of a table not ignored on one context; findings come worst first, in table order within a severity. */
export function runTable<Ctx>(rules: readonly Rule<Ctx>[], ctx: Ctx, ignore: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (ignore.has(rule.id)) continue;
    for (const hit of rule.check(ctx)) findings.push(findingOf(rule, hit));
  }
  return sortFindings(findings);
}

/** Run the token rules on one token. */
export function runRules(ctx: AuditContext, ignore?: ReadonlySet<string>): Finding[] {
  return runTable(RULES, ctx, ignore);
}
