import { inputRules } from './rules/input.js';
import type { Finding } from './rule.js';
import { runTable } from './run.js';

/**
 * Findings about input text that is not a compact token: what to show when
 * the decoder refuses it (wrong number of parts, a JSON serialization).
 */
export function auditInput(text: string, ignore?: ReadonlySet<string>): Finding[] {
  return runTable(inputRules, text, ignore);
}
