import { inputRules } from './rules/input.js';
import { findingOf, type Finding } from './rule.js';
import { sortFindings } from './run.js';

/**
 * Findings about input text that is not a compact token: what to show when
 * the decoder refuses it (wrong number of parts, a JSON serialization).
 */
export function auditInput(text: string, ignore: ReadonlySet<string> = new Set()): Finding[] {
  return sortFindings(
    inputRules.filter((rule) => !ignore.has(rule.id)).flatMap((rule) => rule.checkInput(text).map((hit) => findingOf(rule, hit))),
  );
}
