import { severityRank, type Severity } from '../audit/rule.js';
import { countBySeverity, type FailOn } from '../audit/threshold.js';
import type { ScanLocation, ScannedToken } from '../scan/collect.js';
import type { ScanProgress, ScanResult } from '../scan/scan.js';
import { countOutcomes, verifyOutcome } from '../scan/verification.js';
import { escapeTerminal } from './escape.js';
import { countsText, outcomeStyle, tokenLabel, tokenTable } from './scan-table.js';
import type { Theme } from './theme.js';

/** Locations listed per token in text; `--json` has them all. */
const LOCATIONS_SHOWN = 5;

/** `1.2 MB` (decimal units, as `ls -h --si` and download sizes count). */
function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The progress line on a terminal's stderr: bytes, files, tokens and rate. */
export function progressLine(p: Readonly<ScanProgress>, seconds: number): string {
  const rate = seconds > 0 ? `, ${formatBytes(p.bytes / seconds)}/s` : '';
  return `scanning: ${formatBytes(p.bytes)} in ${p.files} file${p.files === 1 ? '' : 's'}, ${p.tokens} token${p.tokens === 1 ? '' : 's'}${rate}`;
}

function locationText(l: ScanLocation): string {
  const where = 'line' in l ? `${l.file}:${l.line}:${l.column}` : `${l.file} entry ${l.entry} ${l.field}`;
  return escapeTerminal(where);
}

function details(t: ScannedToken, theme: Theme, options: ScanTextOptions): string[] {
  const shown = t.locations.slice(0, LOCATIONS_SHOWN).map(locationText);
  const more = t.occurrences - shown.length;
  const lines = [theme.heading(tokenLabel(t)), ...(options.showTokens ? [`  ${t.token}`] : [])];
  lines.push(...shown.map((l, i) => `  ${i === 0 ? 'seen at ' : '        '}${l}`));
  if (more > 0)
    lines.push(
      theme.dim(`          … and ${more} more (--json lists ${t.locations.length === t.occurrences ? 'them all' : 'the first ' + t.locations.length})`),
    );
  lines.push(...verificationLines(t, theme));
  for (const f of t.findings.filter((f) => severityRank(f.severity) >= severityRank(options.minSeverity))) {
    const where = f.path === null ? '' : theme.dim(` at ${escapeTerminal(f.path)}`);
    lines.push(`  ${theme.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.title}${where} ${theme.dim(`[${f.id}]`)}`);
  }
  return lines;
}

/** Why a token did not verify: the first failure, as verify words it. */
function verificationLines(t: ScannedToken, theme: Theme): string[] {
  const v = t.verification;
  const first = v?.errors[0];
  if (v === null || first === undefined) return [];
  const outcome = verifyOutcome(v);
  return [`  ${outcomeStyle(outcome, theme)(outcome.toUpperCase().padEnd(8))} ${escapeTerminal(first.message)} ${theme.dim(`[${first.code}]`)}`];
}

export interface ScanTextOptions {
  readonly showTokens: boolean;
  /** Findings listed under each token: medium and above, and down to --fail-on when that is lower. */
  readonly minSeverity: Severity;
}

/** The lowest severity the text lists: medium, or --fail-on when that is lower (so what fails the run is shown). */
export function listedSeverity(failOn: FailOn): Severity {
  return failOn !== 'none' && severityRank(failOn) < severityRank('medium') ? failOn : 'medium';
}

/** The text report of a scan: a table of the tokens, then for each where it was seen and its findings. */
export function scanText(result: ScanResult, theme: Theme, options: ScanTextOptions): string {
  const { files, bytes, skipped } = result.progress;
  const read = `${files} file${files === 1 ? '' : 's'} (${formatBytes(bytes)})${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  const lines: string[] = [];
  if (result.stopped) lines.push(theme.warn('Interrupted: the tokens found so far.'));
  if (result.tokens.length === 0) return `${[...lines, `No tokens found in ${read}.`].join('\n')}\n`;
  const n = result.tokens.length;
  lines.push(`${n} distinct token${n === 1 ? '' : 's'} in ${read}.${options.showTokens ? '' : ' Tokens are redacted; --show-tokens shows them.'}`, '');
  lines.push(...tokenTable(result.tokens, theme, result.verified), '');
  for (const t of result.tokens) lines.push(...details(t, theme, options), '');
  lines.push(`Findings: ${countsText(countBySeverity(result.tokens.flatMap((t) => t.findings)))}`);
  if (result.verified) {
    const c = countOutcomes(result.tokens.map((t) => t.verification));
    lines.push(`Verification: ${c.valid} valid, ${c.invalid} invalid, ${c.unverifiable} unverifiable (no key fits)`);
  }
  return `${lines.join('\n')}\n`;
}
