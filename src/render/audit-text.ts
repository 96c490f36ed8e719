import type { KeyFacts } from '../audit/key-facts.js';
import { SEVERITIES, type Finding } from '../audit/rule.js';
import type { FailOn } from '../audit/threshold.js';
import type { InspectReport } from '../report/inspect.js';
import { stringMember } from '../token/json.js';
import { escapeTerminal } from './escape.js';
import { failOnSummary, findingBlock } from './findings-text.js';
import type { Theme } from './theme.js';

/** Findings under one heading per severity, worst first; each with where, evidence and one line of advice. */
function bySeverity(findings: readonly Finding[], theme: Theme): string[] {
  return SEVERITIES.flatMap((severity) => {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) return [];
    return [theme.severity(severity, `${severity.toUpperCase()} (${group.length})`), ...group.flatMap((f) => findingBlock(f, theme)), ''];
  });
}

/** Whether audit checked the signature (only with a key option), and how that went. */
function signatureStatus(key: KeyFacts | undefined): string {
  if (key === undefined) return 'signature not checked by audit';
  if (key.signature === null) return 'signature not checked: the token is encrypted';
  return `signature ${key.signature.error === null ? 'verified' : 'does not verify'} with ${key.origin}`;
}

/** Every finding of a token, grouped by severity, and the verdict of --fail-on. */
export function auditText(report: InspectReport, theme: Theme, failOn: FailOn, failed: boolean, key?: KeyFacts): string {
  const alg = stringMember(report.header, 'alg') ?? '(no alg)';
  const lines = [
    theme.heading('Audit') +
      ` ${report.token.kind} ${escapeTerminal(alg)}, ${report.token.bytes} bytes, ${report.tokenClass} token` +
      theme.dim(` (${escapeTerminal(signatureStatus(key))}; time as of ${new Date(report.time.now * 1000).toISOString()})`),
    '',
  ];
  if (report.findings.length === 0) lines.push(theme.good('No findings.'));
  lines.push(...bySeverity(report.findings, theme), failOnSummary(report.findings, theme, failOn, failed));
  return `${lines.join('\n')}\n`;
}

/** What the input rules say about text that holds no token the decoder accepts (the error itself goes to stderr). */
export function undecodableText(findings: readonly Finding[], theme: Theme): string {
  const lines = [`${theme.heading('Audit')} the input holds no token that can be decoded`, '', ...bySeverity(findings, theme)];
  return `${lines.join('\n')}\n`;
}

/** The progress line of a wordlist run: how many candidates so far, and how fast. */
export function crackProgressText(tries: number, seconds: number): string {
  const rate = seconds > 0 ? `, ${Math.round(tries / seconds).toLocaleString('en-US')}/s` : '';
  return `weak-secret: ${tries.toLocaleString('en-US')} candidates tried${rate}`;
}
