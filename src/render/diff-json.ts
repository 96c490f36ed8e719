import type { Change, TimeChange, TokenDiff } from '../claims/diff.js';
import type { TimeClaim } from '../claims/times.js';
import { toJsonText, type Printable } from './json.js';

function changeJson(c: Change): Printable {
  return { path: c.path, kind: c.kind, before: c.before, after: c.after, ...(c.members ? { added: c.members.added, removed: c.members.removed } : {}) };
}

function timeJson(t: TimeChange<TimeClaim>): Printable {
  // The NumericDates as the tokens write them, digits kept.
  const value = (c: TimeClaim | null): Printable => (c === null ? null : { type: 'number', raw: c.raw, value: c.value });
  return { before: value(t.before), after: value(t.after), delta: t.before !== null && t.after !== null ? t.after.value - t.before.value : null };
}

/** The stable JSON document of diff (docs/output.md), with the times beside the changes. */
export function diffJson(diff: TokenDiff): string {
  const { lifetime } = diff.times;
  return `${toJsonText({
    same: diff.same,
    changes: diff.changes.map(changeJson),
    times: {
      iat: timeJson(diff.times.iat),
      nbf: timeJson(diff.times.nbf),
      exp: timeJson(diff.times.exp),
      lifetime: { ...lifetime, delta: lifetime.before !== null && lifetime.after !== null ? lifetime.after - lifetime.before : null },
    },
  })}\n`;
}
