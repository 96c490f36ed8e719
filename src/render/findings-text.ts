import { SEVERITIES, type Finding } from '../audit/rule.js';
import { countBySeverity, type FailOn } from '../audit/threshold.js';
import { escapeTerminal } from './escape.js';
import type { Theme } from './theme.js';

/** The lines under a heading start below its title, past the severity column. */
const INDENT = ' '.repeat(11);

/** `  HIGH     Title [rule-id]`: the first line of a finding wherever findings are listed. */
export function findingHeading(f: Finding, theme: Theme): string {
  return `  ${theme.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.title} ${theme.dim(`[${f.id}]`)}`;
}

/** `path: evidence`, terminal-safe; `about` says what the path points at (jwks: the key's kid). */
export function findingWhere(f: Finding, about?: string): string {
  const path = f.path === null || about === undefined ? f.path : `${f.path} (${about})`;
  return [path, f.evidence]
    .filter((x): x is string => x !== null)
    .map(escapeTerminal)
    .join(': ');
}

/** A finding in full: its heading, where, note and one line of advice. */
export function findingBlock(f: Finding, theme: Theme, about?: string): string[] {
  const where = findingWhere(f, about);
  return [
    findingHeading(f, theme),
    ...(where === '' ? [] : [`${INDENT}${where}`]),
    ...(f.note === null ? [] : [`${INDENT}${theme.dim(escapeTerminal(f.note))}`]),
    `${INDENT}${theme.dim(`→ ${f.advice}`)}`,
  ];
}

/** The last line of audit and jwks: the findings counted by severity, and the verdict of --fail-on. */
export function failOnSummary(findings: readonly Finding[], theme: Theme, failOn: FailOn, failed: boolean): string {
  const counts = countBySeverity(findings);
  const verdict =
    failOn === 'none'
      ? theme.dim('(--fail-on none)')
      : failed
        ? theme.bad(`FAIL: findings at ${failOn} or above`)
        : theme.good(`PASS: nothing at ${failOn} or above`);
  return `${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}  ${verdict}`;
}
