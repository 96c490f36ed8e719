import { createHash } from 'node:crypto';

/** Without a Cache-Control max-age, a fetched document is kept this long (seconds). */
export const DEFAULT_MAX_AGE = 10 * 60;
/** Never kept longer than this, whatever the server says, so a rotated key is seen within a day. */
export const LONGEST_MAX_AGE = 24 * 60 * 60;

/** How long to keep a response (RFC 9111 §5.2.2): 0 means do not store it. */
export function maxAgeOf(cacheControl: string | undefined): number {
  if (cacheControl === undefined) return DEFAULT_MAX_AGE;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache')) return 0;
  const maxAge = directives.map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)).find((m) => m !== null);
  if (!maxAge) return DEFAULT_MAX_AGE;
  return Math.min(Number(maxAge[1]), LONGEST_MAX_AGE);
}

/** The cache file name of a URL: a hash, so that any URL makes a safe file name. */
export function cacheName(url: string): string {
  return `${createHash('sha256').update(url).digest('hex')}.json`;
}

export interface Entry {
  readonly url: string;
  readonly fetchedAt: number;
  readonly maxAge: number;
  readonly body: string;
}

export function encodeEntry(url: string, fetchedAt: number, maxAge: number, body: string): string {
  return JSON.stringify({ url, fetchedAt, maxAge, body } satisfies Entry);
}

/** The cache entry this text holds for this URL; null for a corrupt entry, or one written for another URL. */
export function parseEntry(entryText: string, url: string): Entry | null {
  let entry: Partial<Entry> | null;
  try {
    entry = JSON.parse(entryText) as Partial<Entry> | null;
  } catch {
    return null;
  }
  if (typeof entry !== 'object' || entry === null) return null;
  const { url: entryUrl, fetchedAt, maxAge, body } = entry;
  if (entryUrl !== url || typeof body !== 'string' || typeof fetchedAt !== 'number' || typeof maxAge !== 'number') return null;
  return { url: entryUrl, fetchedAt, maxAge, body };
}

/** Whether an entry may still be used at `now`; a stale one is simply refetched. */
export function isFresh(entry: Entry, now: number): boolean {
  // A clock set back past the fetch time makes the entry's age unknowable.
  return now >= entry.fetchedAt && now < entry.fetchedAt + Math.min(entry.maxAge, LONGEST_MAX_AGE);
}
