import { SEVERITIES } from '../audit/rule.js';
import type { FailOn } from '../audit/threshold.js';
import type { InspectReport } from '../report/inspect.js';
import { stringMember } from '../token/json.js';
import { escapeTerminal } from './escape.js';
import { failOnSummary, findingBlock } from './findings-text.js';
import type { Theme } from './theme.js';

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
  lines.push(failOnSummary(report.findings, theme, failOn, failed));
  return `${lines.join('\n')}\n`;
}
