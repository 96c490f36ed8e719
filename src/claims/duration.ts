const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DURATION = /^(\d+(?:\.\d+)?)([smhdw]?)$/;

/** `90`, `90s`, `15m`, `12h`, `7d`, `2w` to seconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const seconds = Number(m[1]) * UNITS[m[2] || 's']!;
  return Number.isFinite(seconds) ? seconds : null;
}

/** The largest whole unit that divides the seconds: 900 → `15m`. */
export function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  for (const [unit, size] of [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (abs >= size && abs % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
