import type { Finding } from '../audit/rule.js';
import type { FailOn } from '../audit/threshold.js';
import type { JwksReport } from '../jwks/inspect.js';
import type { JwksKey } from '../jwks/key-info.js';
import { escapeTerminal } from './escape.js';
import { failOnSummary, findingBlock } from './findings-text.js';
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
    row
      .map((c, i) => (i === row.length - 1 ? style(c) : style(c.padEnd(widths[i]!))))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS, theme.heading), ...rows.map((r) => line(r, (s) => (s.trim() === NONE ? theme.dim(s) : s)))];
}

/** A finding about one key names its kid beside the path, so that it can be matched to its row of the table. */
function findingLines(f: Finding, keys: readonly JwksKey[], theme: Theme): string[] {
  const index = /^keys\[(\d+)\]/.exec(f.path ?? '')?.[1];
  const kid = index === undefined ? null : keys[Number(index)]?.kid;
  return findingBlock(f, theme, kid ? `kid ${JSON.stringify(kid)}` : undefined);
}

/** The jwks screen: a table of the keys, the findings worst first, and the verdict of --fail-on. */
export function jwksText(report: JwksReport, theme: Theme, failOn: FailOn, failed: boolean): string {
  const n = report.keys.length;
  const lines = [`${theme.heading('JWKS')} ${escapeTerminal(report.source)}: ${n} key${n === 1 ? '' : 's'}`, ''];
  if (n > 0) lines.push(...tableLines(report.keys, theme), '');
  if (report.findings.length === 0) lines.push(theme.good('No findings.'));
  else lines.push(theme.heading('Findings'), ...report.findings.flatMap((f) => findingLines(f, report.keys, theme)), '');
  lines.push(failOnSummary(report.findings, theme, failOn, failed));
  return `${lines.join('\n')}\n`;
}
