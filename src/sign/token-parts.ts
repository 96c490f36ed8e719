import { jsonOrString } from '../claims/loose-value.js';
import { InspectError, usageError } from '../errors.js';
import { fromPlain, JsonSyntaxError, member, parseJson, type JsonNode, type JsonObject } from '../token/json.js';

export type Member = readonly [string, JsonNode];

/** `name=value` of `--claim` and `--header`: the value is JSON when it parses as JSON, else a string. Null without a name. */
export function parseAssignment(text: string): Member | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  return [text.slice(0, eq), jsonOrString(text.slice(eq + 1))];
}

/**
 * The object with `name` set to `value`: where the name first stands when it
 * is there already (any later duplicates dropped, so the value given wins
 * for every reader), else at the end.
 */
export function withMember(object: JsonObject, name: string, value: JsonNode): JsonObject {
  const at = object.entries.findIndex(([n]) => n === name);
  if (at === -1) return { type: 'object', entries: [...object.entries, [name, value]] };
  const entries = object.entries.filter(([n], i) => n !== name || i === at).map((entry, i) => (i === at ? ([name, value] as const) : entry));
  return { type: 'object', entries };
}

function withoutMember(object: JsonObject, name: string): JsonObject {
  return { type: 'object', entries: object.entries.filter(([n]) => n !== name) };
}

/** The payload given to sign, parsed with its members in their order; empty text is an empty claims set. */
export function parsePayload(text: string): JsonObject {
  if (text.trim() === '') return { type: 'object', entries: [] };
  let value;
  try {
    value = parseJson(text.trim()).value;
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw new InspectError('ERR_BAD_JSON', `the payload is not JSON: ${error.message}; give a JSON object such as '{"sub":"42"}'`, { cause: error });
    throw error;
  }
  if (value.type !== 'object') throw new InspectError('ERR_BAD_JSON', `the payload must be a JSON object of claims, not a JSON ${value.type}`);
  return value;
}

/** The claims `sign` adds to the payload it was given. */
export interface PayloadSpec {
  /** `--claim name=value`, in the order given. */
  readonly claims: readonly Member[];
  readonly iss?: string;
  readonly sub?: string;
  readonly aud?: readonly string[];
  /** Unix seconds; false for `--no-iat`; absent: now, unless the payload has an iat. */
  readonly iat?: number | false;
  /** Seconds after iat (else now); negative makes a token that is already expired. */
  readonly nbf?: number;
  readonly exp?: number;
  readonly jti?: string;
}

/**
 * The payload to sign: the given claims in their order, then `--claim`s in
 * theirs, then iss, sub, aud, iat, nbf, exp, jti. A claim given again
 * replaces the value where it stands.
 */
export function buildPayload(base: JsonObject, spec: PayloadSpec, now: number): JsonObject {
  let payload = base;
  const set = (name: string, value: unknown): void => {
    if (value !== undefined) payload = withMember(payload, name, fromPlain(value));
  };
  for (const [name, value] of spec.claims) payload = withMember(payload, name, value);
  set('iss', spec.iss);
  set('sub', spec.sub);
  // RFC 7519 §4.1.3: a single audience may be a string.
  if (spec.aud !== undefined && spec.aud.length > 0) set('aud', spec.aud.length === 1 ? spec.aud[0] : spec.aud);
  const start = Math.floor(typeof spec.iat === 'number' ? spec.iat : now);
  if (spec.iat === false) payload = withoutMember(payload, 'iat');
  else if (spec.iat !== undefined || member(payload, 'iat') === undefined) set('iat', start);
  if (spec.nbf !== undefined) set('nbf', Math.floor(start + spec.nbf));
  if (spec.exp !== undefined) set('exp', Math.floor(start + spec.exp));
  set('jti', spec.jti);
  return payload;
}

export interface HeaderSpec {
  readonly alg: string;
  readonly typ: string | null;
  readonly kid: string | null;
  /** `--header name=value`, in the order given. */
  readonly extra: readonly Member[];
}

/** The protected header: alg, typ, kid, then the `--header` members in order. */
export function buildHeader(spec: HeaderSpec): JsonObject {
  let header: JsonObject = { type: 'object', entries: [['alg', fromPlain(spec.alg)]] };
  if (spec.typ !== null) header = withMember(header, 'typ', fromPlain(spec.typ));
  if (spec.kid !== null) header = withMember(header, 'kid', fromPlain(spec.kid));
  for (const [name, value] of spec.extra) {
    if (name === 'alg') throw usageError('set the algorithm with --alg, not --header alg=...');
    header = withMember(header, name, value);
  }
  return header;
}
