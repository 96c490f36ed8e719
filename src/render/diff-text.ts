import type { Change, TimeChange, TokenDiff } from '../claims/diff.js';
import { spanText } from '../claims/relative.js';
import type { TimeClaim } from '../claims/times.js';
import { escapeTerminal } from './escape.js';
import { shortJson } from './short-json.js';
import type { Theme } from './theme.js';

function changeLine(c: Change, theme: Theme): string {
  const path = escapeTerminal(c.path);
  if (c.kind === 'added') return `${theme.good('+')} ${path}: ${shortJson(c.after!)}`;
  if (c.kind === 'removed') return `${theme.bad('-')} ${path}: ${shortJson(c.before!)}`;
  if (c.members !== undefined) {
    const members = [...c.members.added.map((m) => theme.good(`+${shortJson(m)}`)), ...c.members.removed.map((m) => theme.bad(`-${shortJson(m)}`))];
    const what = members.length > 0 ? members.join(' ') : `${shortJson(c.before!)} → ${shortJson(c.after!)}, the same members written another way`;
    return `${theme.warn('~')} ${path}: ${what} ${theme.dim('(compared as a set)')}`;
  }
  return `${theme.warn('~')} ${path}: ${shortJson(c.before!)} → ${shortJson(c.after!)}`;
}

function shift(seconds: number): string {
  if (seconds === 0) return 'same';
  return `${spanText(Math.abs(seconds))} ${seconds > 0 ? 'later' : 'earlier'}`;
}

function timeLine(label: string, t: TimeChange<TimeClaim>, theme: Theme): string | null {
  if (t.before === null && t.after === null) return null;
  const delta = t.before !== null && t.after !== null ? `  ${theme.dim(shift(t.after.value - t.before.value))}` : '';
  return `  ${label.padEnd(11)}${t.before?.iso ?? '(none)'} → ${t.after?.iso ?? '(none)'}${delta}`;
}

function lifetimeLine(t: TimeChange<number>): string | null {
  if (t.before === null && t.after === null) return null;
  const span = (s: number | null): string => (s === null ? '(none)' : spanText(s));
  return `  ${'lifetime'.padEnd(11)}${span(t.before)} → ${span(t.after)}`;
}

/** The diff screen: one line per change, the times side by side, and a verdict. */
export function diffText(diff: TokenDiff, theme: Theme): string {
  const lines = diff.changes.map((c) => changeLine(c, theme));
  const times = [
    timeLine('issued', diff.times.iat, theme),
    timeLine('not before', diff.times.nbf, theme),
    timeLine('expires', diff.times.exp, theme),
    lifetimeLine(diff.times.lifetime),
  ].filter((l): l is string => l !== null);
  if (times.length > 0) lines.push(...(lines.length > 0 ? [''] : []), theme.heading('Times'), ...times);
  const n = diff.changes.length;
  const verdict = diff.same
    ? theme.good('The tokens say the same') + ' (header and claims; signatures are not compared).'
    : theme.bad('The tokens differ') + `: ${n} change${n === 1 ? '' : 's'}.`;
  return `${[...lines, ...(lines.length > 0 ? [''] : []), verdict].join('\n')}\n`;
}
