import { member, type JsonObject } from '../token/json.js';
import { relativeTime } from './relative.js';

export type TimeStatus = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';

export interface TimeClaim {
  /** The NumericDate as written, digits kept (for the JSON output). */
  readonly raw: string;
  readonly value: number;
  readonly iso: string;
  readonly relative: string;
}

export interface TimeReport {
  readonly now: number;
  readonly status: TimeStatus;
  readonly iat: TimeClaim | null;
  readonly nbf: TimeClaim | null;
  readonly exp: TimeClaim | null;
  readonly auth_time: TimeClaim | null;
  readonly expiresIn: number | null;
  readonly lifetime: number | null;
}

/**
 * 9999-12-31T23:59:59Z in seconds: the last time Date's toISOString writes
 * with a four-digit year (RFC 3339 §5.6). RFC 7519 §2 allows later
 * NumericDates, but no real token needs one.
 */
export const LAST_ISO_SECOND = 253402300799;

/** A NumericDate as an ISO 8601 time, or `out of range` when it is further from 1970 than the year 9999. */
export function isoTime(seconds: number): string {
  return Math.abs(seconds) <= LAST_ISO_SECOND ? new Date(seconds * 1000).toISOString() : 'out of range';
}

/** A NumericDate claim, when it is a finite JSON number (RFC 7519 §2: fractions are legal). */
export function numericDate(claims: JsonObject | null, name: string): number | undefined {
  const node = member(claims, name);
  return node?.type === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}

function timeClaim(claims: JsonObject | null, name: string, now: number): TimeClaim | null {
  const node = member(claims, name);
  if (node?.type !== 'number' || !Number.isFinite(node.value)) return null;
  const value = node.value;
  return { raw: node.raw, value, iso: isoTime(value), relative: relativeTime(value - now) };
}

/** Where the token stands in time as of `now`, with `leeway` seconds of clock skew. */
export function timeReport(claims: JsonObject | null, now: number, leeway: number): TimeReport {
  const iat = timeClaim(claims, 'iat', now);
  const nbf = timeClaim(claims, 'nbf', now);
  const exp = timeClaim(claims, 'exp', now);
  const auth_time = timeClaim(claims, 'auth_time', now);
  // RFC 7519 §4.1.4: the token must not be accepted on or after exp.
  let status: TimeStatus = exp === null ? 'no-expiry' : 'valid';
  if (exp !== null && now >= exp.value + leeway) status = 'expired';
  else if (nbf !== null && now + leeway < nbf.value) status = 'not-yet-valid';
  return {
    now,
    status,
    iat,
    nbf,
    exp,
    auth_time,
    expiresIn: exp === null ? null : exp.value - now,
    lifetime: exp !== null && iat !== null ? exp.value - iat.value : null,
  };
}
