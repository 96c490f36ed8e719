import type { CheckResult } from '../claims/checks.js';
import { escapeTerminal } from './escape.js';

/** One stderr line per failed check, each naming the expression and why it failed (path, expected, actual). */
export function failedChecksText(checks: readonly CheckResult[]): string {
  return checks
    .filter((c) => !c.pass)
    .map((c) => `jwt-inspect: check failed: ${escapeTerminal(c.expr)}: ${escapeTerminal(c.message ?? `expected ${c.expected ?? 'to pass'}`)}\n`)
    .join('');
}
