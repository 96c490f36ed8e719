import { SEVERITIES, type Finding } from '../audit/rule.js';
import { countBySeverity, type FailOn } from '../audit/threshold.js';
import type { JwksReport } from '../jwks/inspect.js';
import type { JwksKey } from '../jwks/key-info.js';
import { escapeTerminal } from './escape.js';
import type { Theme } from './theme.js';

const NONE = '-';
const COLUMNS = ['kid', 'kty', 'alg', 'use', 'size', 'thumbprint (RFC 7638, SHA-256)', 'certificate'] as const;

function cells(k: JwksKey): string[] {
  const size = k.crv ?? (k.bits === null ? null : String(k.bits));
  const certificate = k.certificate === null ? null : `${k.certificate.subject}, until ${k.certificate.notAfter.slice(0, 10)}`;
  return [k.kid, k.kty, k.alg, k.use, size, k.thumbprint, certificate].map((c) => (c === null ? NONE : escapeTerminal(c)));
}

/** Columns padded to their widest cell; padding is measured before colour is added. */
function tableLines(keys: readonly JwksKey[], theme: Theme): string[] {
  const rows = keys.map(cells);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const line = (row: readonly string[], style: (s: string) => string): string =>
    row.map((c, i) => (i === row.length - 1 ? style(c) : style(c.padEnd(widths[i]!)))).join('  ').trimEnd();
  return [line(COLUMNS, theme.heading), ...rows.map((r) => line(r, (s) => (s.trim() === NONE ? theme.dim(s) : s)))];
}

function findingLines(f: Finding, keys: readonly JwksKey[], theme: Theme): string[] {
  const index = /^keys\[(\d+)\]/.exec(f.path ?? '')?.[1];
  const kid = index === undefined ? null : keys[Number(index)]?.kid;
  const where = [f.path === null ? null : `${f.path}${kid ? ` (kid ${JSON.stringify(kid)})` : ''}`, f.evidence].filter((x): x is string => x !== null);
  return [
    `  ${theme.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.title} ${theme.dim(`[${f.id}]`)}`,
    ...(where.length === 0 ? [] : [`           ${escapeTerminal(where.join(': '))}`]),
    `           ${theme.dim(`→ ${f.advice}`)}`,
  ];
}

/** The jwks screen: a table of the keys, the findings worst first, and the verdict of --fail-on. */
export function jwksText(report: JwksReport, theme: Theme, failOn: FailOn, failed: boolean): string {
  const n = report.keys.length;
  const lines = [`${theme.heading('JWKS')} ${escapeTerminal(report.source)}: ${n} key${n === 1 ? '' : 's'}`, ''];
  if (n > 0) lines.push(...tableLines(report.keys, theme), '');
  if (report.findings.length === 0) lines.push(theme.good('No findings.'));
  else lines.push(theme.heading('Findings'), ...report.findings.flatMap((f) => findingLines(f, report.keys, theme)), '');
  const counts = countBySeverity(report.findings);
  const verdict =
    failOn === 'none' ? theme.dim('(--fail-on none)') : failed ? theme.bad(`FAIL: findings at ${failOn} or above`) : theme.good(`PASS: nothing at ${failOn} or above`);
  lines.push(`${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}  ${verdict}`);
  return `${lines.join('\n')}\n`;
}
