const STEPS: ReadonlyArray<readonly [string, number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "in 14 minutes", "3 days ago", "now": the largest unit, rounded down. */
export function relativeTime(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 1) return 'now';
  const [unit, size] = STEPS.find(([, s]) => abs >= s) ?? STEPS[STEPS.length - 1]!;
  const n = Math.floor(abs / size);
  const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return seconds > 0 ? `in ${phrase}` : `${phrase} ago`;
}

/** A span such as a lifetime: "15 minutes", "2 days". */
export function spanText(seconds: number): string {
  const r = relativeTime(seconds);
  return r.replace(/^in /, '').replace(/ ago$/, '');
}
