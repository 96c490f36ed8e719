import { SEVERITIES, type Severity } from '../audit/rule.js';
import { countBySeverity } from '../audit/threshold.js';
import type { ScannedToken } from '../scan/collect.js';
import { verifyOutcome, type VerifyOutcome } from '../scan/verification.js';
import { escapeTerminal } from './escape.js';
import { redactedToken } from './scan-json.js';
import type { Theme } from './theme.js';

/** Widest a table cell from the token may be before it is cut with `…`. */
const CELL_MAX = 28;

type Style = (s: string) => string;
type Cell = readonly [text: string, style: Style];

const plain: Style = (s) => s;

/** `eyJhbGciOi… 9f2c1a3b`: how text names a token, redacted. */
export function tokenLabel(t: ScannedToken): string {
  return `${redactedToken(t.token)} ${t.sha256.slice(0, 8)}`;
}

/** `1 high, 2 low`, or `none`. */
export function countsText(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function cell(value: string | null): Cell {
  if (value === null) return ['-', plain];
  // Cut by code points before escaping, so neither a surrogate pair nor a \uXXXX escape is split.
  const chars = [...value];
  return [escapeTerminal(chars.length > CELL_MAX ? `${chars.slice(0, CELL_MAX - 1).join('')}…` : value), plain];
}

function timeCell(t: ScannedToken, theme: Theme): Cell {
  if (t.kind === 'JWE') return ['encrypted', theme.dim];
  const status = t.timeStatus;
  return [status, { valid: theme.good, expired: theme.bad, 'not-yet-valid': theme.bad, 'no-expiry': theme.warn }[status]];
}

export function outcomeStyle(outcome: VerifyOutcome, theme: Theme): Style {
  return { valid: theme.good, invalid: theme.bad, unverifiable: theme.dim }[outcome];
}

function row(t: ScannedToken, theme: Theme, verified: boolean): Cell[] {
  const cells: Cell[] = [[tokenLabel(t), plain], cell(t.alg), cell(t.kid), cell(t.iss), cell(t.sub), timeCell(t, theme)];
  if (verified) {
    const outcome = verifyOutcome(t.verification);
    cells.push([outcome, outcomeStyle(outcome, theme)]);
  }
  cells.push([countsText(countBySeverity(t.findings)), plain], [String(t.occurrences), plain]);
  return cells;
}

/** One line per token: alg, kid, iss, sub, time status, (verification,) findings, sightings. */
export function tokenTable(tokens: readonly ScannedToken[], theme: Theme, verified: boolean): string[] {
  const head: Cell[] = ['TOKEN', 'ALG', 'KID', 'ISS', 'SUB', 'TIME', ...(verified ? ['KEY'] : []), 'FINDINGS', 'SEEN'].map((h) => [h, plain] as const);
  const rows = tokens.map((t) => row(t, theme, verified));
  const widths = head.map(([h], i) => Math.max(h.length, ...rows.map((r) => r[i]![0].length)));
  const line = (cells: readonly Cell[]): string =>
    cells.map(([text, style], i) => (i === cells.length - 1 ? style(text) : style(text) + ' '.repeat(widths[i]! - text.length + 2))).join('');
  return [theme.heading(line(head)), ...rows.map(line)];
}
