import type { JsonNode } from '../token/json.js';
import { formatDuration } from './duration.js';
import { spanText } from './relative.js';
import type { TimeReport } from './times.js';

/** The outcome of one check asked for on the command line (`--expect`, `--fresh`, `--max-ttl`). */
export interface CheckResult {
  readonly expr: string;
  readonly pass: boolean;
  readonly expected?: string;
  /** What the token holds there (a token node keeps its digits), or null when absent. */
  readonly actual?: JsonNode | string | number | null;
  /** Why it failed, in words. */
  readonly message?: string;
}

/** `--fresh`: inside the exp/nbf window now, with leeway. A token with no exp has no end to its window. */
export function freshCheck(time: TimeReport): CheckResult {
  const pass = time.status === 'valid' || time.status === 'no-expiry';
  return {
    expr: '--fresh',
    pass,
    actual: time.status,
    ...(pass ? {} : { message: time.status === 'expired' ? `the token expired ${time.exp?.relative}` : `the token is not valid until ${time.nbf?.iso}` }),
  };
}

/** `--max-ttl`: exp minus iat (else nbf) must not exceed the limit; no exp fails. */
export function maxTtlCheck(time: TimeReport, limit: number): CheckResult {
  const expr = `--max-ttl ${formatDuration(limit)}`;
  if (time.exp === null) return { expr, pass: false, actual: null, message: 'the token has no exp, so its lifetime is unbounded' };
  const start = time.iat ?? time.nbf;
  if (start === null) return { expr, pass: false, actual: null, message: 'the token has neither iat nor nbf to measure its lifetime from' };
  const lifetime = time.exp.value - start.value;
  const pass = lifetime <= limit;
  return { expr, pass, actual: lifetime, ...(pass ? {} : { message: `the token lives ${spanText(lifetime)}, over the ${spanText(limit)} allowed` }) };
}
