/**
 * An instant as Unix seconds from `--now`: Unix seconds (fractions allowed)
 * or an ISO 8601 date-time; a date-time without a zone is UTC, never local.
 */
export function parseInstant(text: string): number | null {
  const t = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(t)) return null;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(t) || !t.includes(':') ? t : `${t}Z`;
  const ms = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms / 1000;
}
