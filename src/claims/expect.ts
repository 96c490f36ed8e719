import type { JsonNode, JsonNumber, JsonObject } from '../token/json.js';
import { nodeJsonText, shortJson } from '../token/json-text.js';
import type { CheckResult } from './checks.js';
import { formatDuration, parseDuration } from './duration.js';
import { compareNumberText, jsonEqual } from './json-equal.js';
import { jsonOrString } from './loose-value.js';
import { parseClaimPath, PathSyntaxError, resolvePath, type ClaimPath } from './path.js';
import { claimPathText } from './path-text.js';

export type ValueOperator = '=' | '!=' | '~=';
export type CompareOperator = '>' | '>=' | '<' | '<=';

/** A bound of a numeric comparison: a number as written, or `now` moved by whole seconds. */
export type Bound = { readonly kind: 'number'; readonly number: JsonNumber } | { readonly kind: 'now'; readonly offset: number };

interface ExpectationBase {
  /** The expression as the user wrote it. */
  readonly text: string;
  readonly path: ClaimPath;
}

/** One parsed `--expect` expression (README "Expectations"). */
export type Expectation =
  | (ExpectationBase & { readonly op: 'exists' })
  | (ExpectationBase & { readonly op: 'absent' })
  | (ExpectationBase & { readonly op: ValueOperator; readonly value: JsonNode })
  | (ExpectationBase & { readonly op: CompareOperator; readonly bound: Bound });

export class ExpectSyntaxError extends Error {
  override readonly name = 'ExpectSyntaxError';
  /** 0-based index of the character that could not be read. */
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

// Longest first, so that `>=` is not read as `>` followed by a value `=...`.
const OPERATORS = ['!=', '~=', '>=', '<=', '=', '>', '<'] as const;
const COMPARISONS: ReadonlySet<string> = new Set(['>', '>=', '<', '<=']);
/** Offsets from now past this are typing mistakes, and would print with an exponent. */
const MAX_OFFSET = 10_000 * 365 * 86400;

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}

function fail(message: string, position: number): never {
  throw new ExpectSyntaxError(message, position);
}

function pathAt(text: string, pos: number): { path: ClaimPath; end: number } {
  try {
    return parseClaimPath(text, pos);
  } catch (error) {
    if (error instanceof PathSyntaxError) fail(error.message, error.position);
    throw error;
  }
}

function boundOf(text: string, start: number, op: string): Bound {
  const now = /^now(?:\s*([+-])\s*(.*))?$/s.exec(text);
  if (now) {
    if (now[1] === undefined) return { kind: 'now', offset: 0 };
    const seconds = parseDuration(now[2]!);
    if (seconds === null || !Number.isInteger(seconds) || seconds > MAX_OFFSET) {
      fail(`expected a whole duration such as 90s, 15m, 1h or 7d after 'now${now[1]}'`, start + text.length - now[2]!.length);
    }
    return { kind: 'now', offset: now[1] === '-' ? -seconds : seconds };
  }
  const value = jsonOrString(text);
  if (value.type !== 'number') fail(`expected a number, now, now+15m or now-1h after '${op}'`, start);
  return { kind: 'number', number: value };
}

/**
 * Parse `path`, `!path`, `path<op>value` with op one of `= != ~= > >= < <=`.
 * Spaces around the operator are allowed; the value runs to the end.
 * Throws ExpectSyntaxError pointing at the first character that does not fit.
 */
export function parseExpectation(text: string): Expectation {
  const start = skipSpace(text, 0);
  const negated = text[start] === '!';
  const { path, end } = pathAt(text, negated ? start + 1 : start);
  let pos = skipSpace(text, end);
  if (pos === text.length) return { text, path, op: negated ? 'absent' : 'exists' };
  if (negated) fail("'!' goes only before a bare claim (!claim); to test for inequality write claim!=value", start);
  const op = OPERATORS.find((o) => text.startsWith(o, pos));
  if (op === undefined) fail('expected an operator (=, !=, ~=, >, >=, <, <=) or the end of the expression', pos);
  pos = skipSpace(text, pos + op.length);
  const valueText = text.slice(pos).trimEnd();
  if (valueText === '') fail(`expected a value after '${op}' (for an empty string write "")`, pos);
  if (valueText.startsWith('=')) fail(`'${op}=' is not an operator; to compare with text that starts with '=', quote it as JSON`, pos);
  if (COMPARISONS.has(op)) return { text, path, op: op as CompareOperator, bound: boundOf(valueText, pos, op) };
  return { text, path, op: op as ValueOperator, value: jsonOrString(valueText) };
}

/** A bound as written: a number, `now`, or `now` plus or minus a duration. */
export function boundText(bound: Bound): string {
  if (bound.kind === 'number') return bound.number.raw;
  if (bound.offset === 0) return 'now';
  return `now${bound.offset < 0 ? '-' : '+'}${formatDuration(Math.abs(bound.offset))}`;
}

function boundValue(bound: Bound, now: number): number | string {
  return bound.kind === 'number' ? bound.number.raw : now + bound.offset;
}

function expectedText(e: Expectation, now: number): string {
  switch (e.op) {
    case 'exists':
      return 'present';
    case 'absent':
      return 'absent';
    case '=':
      return shortJson(e.value);
    case '!=':
      return `not ${shortJson(e.value)}`;
    case '~=':
      return `contains ${shortJson(e.value)}`;
    default:
      return `${e.op} ${boundValue(e.bound, now)}${e.bound.kind === 'now' ? ` (${boundText(e.bound)})` : ''}`;
  }
}

function compares(op: CompareOperator, order: number): boolean {
  return { '>': order > 0, '>=': order >= 0, '<': order < 0, '<=': order <= 0 }[op];
}

function contains(haystack: JsonNode, needle: JsonNode): boolean | null {
  if (haystack.type === 'array') return haystack.items.some((item) => jsonEqual(item, needle));
  // A space-separated word (`scope~=read`) is a substring too, so one test covers both.
  if (haystack.type === 'string') return haystack.value.includes(needle.type === 'string' ? needle.value : nodeJsonText(needle));
  return null;
}

/** When `"42"` meets `42`: the same text as another type, the usual surprise of typed comparison. */
function typeHint(actual: JsonNode, value: JsonNode): string {
  if (actual.type === value.type || actual.type === 'object' || actual.type === 'array') return '';
  const text = (n: JsonNode): string => (n.type === 'string' ? n.value : nodeJsonText(n));
  return text(actual) === text(value) ? ` (a ${actual.type}, not a ${value.type})` : '';
}

/** Check one expectation against a token's header and claims (null for a JWE payload) as of `now`. */
export function evaluateExpectation(e: Expectation, header: JsonObject, payload: JsonObject | null, now: number): CheckResult {
  const actual = resolvePath(e.path, header, payload);
  const where = claimPathText(e.path);
  const expected = expectedText(e, now);
  const result = (pass: boolean, message: string): CheckResult => ({
    expr: e.text,
    pass,
    expected,
    actual: actual ?? null,
    ...(pass ? {} : { message }),
  });

  if (e.op === 'exists') return result(actual !== undefined, `${where} is absent`);
  if (e.op === 'absent') return result(actual === undefined, `${where} is present: ${actual === undefined ? '' : shortJson(actual)}`);
  // An absent claim is unequal to every value.
  if (actual === undefined) return result(e.op === '!=', `${where} is absent, expected ${expected}`);
  const is = `${where} is ${shortJson(actual)}`;
  switch (e.op) {
    case '=':
      return result(jsonEqual(actual, e.value), `${is}${typeHint(actual, e.value)}, expected ${expected}`);
    case '!=':
      return result(!jsonEqual(actual, e.value), `${is}, expected anything else`);
    case '~=': {
      const found = contains(actual, e.value);
      if (found === null) return result(false, `${is}, a ${actual.type}; ~= looks inside arrays and strings`);
      return result(found, `${is}, which does not contain ${shortJson(e.value)}`);
    }
    default: {
      if (actual.type !== 'number') return result(false, `${is}, a ${actual.type}, not a number, expected ${expected}`);
      const bound = boundValue(e.bound, now);
      const order = typeof bound === 'string' ? compareNumberText(actual.raw, bound) : Math.sign(actual.value - bound);
      return result(compares(e.op, order), `${is}, expected ${expected}`);
    }
  }
}
