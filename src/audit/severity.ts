import { SEVERITIES, severityRank, type Severity } from './rule.js';

/** `--fail-on` takes a severity or `none` (never fail on findings). */
export type FailOn = Severity | 'none';

/** A severity or `none` from user text (case-insensitive), or null when it is neither. */
export function parseSeverity(text: string): FailOn | null {
  const lower = text.trim().toLowerCase();
  if (lower === 'none') return 'none';
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : null;
}

/** Whether a finding of this severity trips `--fail-on`. */
export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && severityRank(severity) >= severityRank(failOn);
}
