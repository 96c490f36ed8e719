import { SEVERITIES, type Finding } from '../audit/rule.js';
import { countBySeverity, type FailOn } from '../audit/threshold.js';
import type { InspectReport } from '../report/inspect.js';
import { stringMember } from '../token/json.js';
import { escapeTerminal } from './escape.js';
import type { Theme } from './theme.js';

function findingBlock(f: Finding, theme: Theme): string[] {
  const where = [f.path, f.evidence].filter((x): x is string => x !== null).map(escapeTerminal).join(': ');
  return [
    `  ${theme.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.title} ${theme.dim(`[${f.id}]`)}`,
    ...(where === '' ? [] : [`           ${where}`]),
    ...(f.note === null ? [] : [`           ${theme.dim(escapeTerminal(f.note))}`]),
    `           ${theme.dim(`→ ${f.advice}`)}`,
  ];
}

/** Every finding, grouped by severity, each with where, evidence and one line of advice. */
export function auditText(report: InspectReport, theme: Theme, failOn: FailOn, failed: boolean): string {
  const alg = stringMember(report.header, 'alg') ?? '(no alg)';
  const lines = [
    theme.heading('Audit') +
      ` ${report.token.kind} ${escapeTerminal(alg)}, ${report.token.bytes} bytes, ${report.tokenClass} token` +
      theme.dim(` (signature not checked by audit; time as of ${new Date(report.time.now * 1000).toISOString()})`),
    '',
  ];
  if (report.findings.length === 0) lines.push(theme.good('No findings.'));
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(theme.severity(severity, `${severity.toUpperCase()} (${group.length})`), ...group.flatMap((f) => findingBlock(f, theme)), '');
  }
  const counts = countBySeverity(report.findings);
  const summary = SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
  const verdict =
    failOn === 'none' ? theme.dim('(--fail-on none)') : failed ? theme.bad(`FAIL: findings at ${failOn} or above`) : theme.good(`PASS: nothing at ${failOn} or above`);
  lines.push(`${summary}  ${verdict}`);
  return `${lines.join('\n')}\n`;
}
