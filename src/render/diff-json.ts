import type { Change, TimeChange, TokenDiff } from '../claims/diff.js';
import type { TimeClaim } from '../claims/times.js';
import { faithful, faithfulOrNull, toJsonText, type Printable } from './json.js';

function changeJson(c: Change): Printable {
  return {
    path: c.path,
    kind: c.kind,
    before: faithfulOrNull(c.before),
    after: faithfulOrNull(c.after),
    ...(c.members ? { added: c.members.added.map(faithful), removed: c.members.removed.map(faithful) } : {}),
  };
}

function timeJson(t: TimeChange<TimeClaim>): Printable {
  // The NumericDates as the tokens write them, digits kept.
  const value = (c: TimeClaim | null): Printable => (c === null ? null : faithful({ type: 'number', raw: c.raw, value: c.value }));
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
