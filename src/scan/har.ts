import { parseCookieList, parseSetCookie, type CookiePair, type SetCookie } from '../token/cookie.js';
import type { FoundAs, FoundToken } from '../token/extract.js';

/**
 * Walking a HAR 1.2 archive (http://www.softwareishard.com/blog/har-12-spec/)
 * as browsers export it: every place of every entry that can carry a token,
 * named so that a reader finds it again.
 */

/** One text field of one entry. */
export interface HarField {
  /** Index into `log.entries` (0-based, as `jq '.log.entries[3]'` counts). */
  readonly entry: number;
  /** `request.headers.Authorization`, `response.content.text`, ... */
  readonly field: string;
  readonly bytes: Uint8Array;
  /** How a token in this field is held (decides which audit rules apply, such as the cookie ones). */
  readonly as: FoundAs;
  /** The cookie or parameter name; null for headers and bodies. */
  readonly name: string | null;
  /** The whole cookie when the field is a Set-Cookie header. */
  readonly setCookie?: SetCookie;
  /** The cookies of a Cookie header, to name the one a token came in. */
  readonly cookies?: readonly CookiePair[];
}

type Holding = Omit<HarField, 'entry' | 'field' | 'bytes'>;

export type HarObject = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is HarObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): HarObject[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The entries of a HAR document, or null when the JSON is not one (`log.entries` must be an array). */
export function harEntries(doc: unknown): HarObject[] | null {
  if (!isRecord(doc) || !isRecord(doc['log']) || !Array.isArray(doc['log']['entries'])) return null;
  return records(doc['log']['entries']);
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** Name/value lists: headers, cookies, queryString, postData.params. */
function pairs(entry: number, prefix: string, list: unknown, as: (name: string, value: string) => Holding): HarField[] {
  return records(list).flatMap((pair) => {
    const name = typeof pair['name'] === 'string' ? pair['name'] : '';
    const value = text(pair['value']);
    return value === null ? [] : [{ entry, field: `${prefix}.${name}`, bytes: utf8(value), ...as(name, value) }];
  });
}

/** How a header holds its token: a bearer credential, a cookie list, a Set-Cookie line, or plain text. */
function headerHolding(name: string, value: string): Holding {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return { as: 'bearer', name: null };
  if (lower === 'cookie') return { as: 'cookie', name: null, cookies: parseCookieList(value) };
  if (lower === 'set-cookie') {
    const cookie = parseSetCookie(value);
    return cookie === null ? { as: 'raw', name: null } : { as: 'cookie', name: cookie.name, setCookie: cookie };
  }
  return { as: 'raw', name: null };
}

/** A URL without its query, which the `queryString` list already gives item by item. */
function urlWithoutQuery(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const hash = url.indexOf('#', q);
  return url.slice(0, q) + (hash === -1 ? '' : url.slice(hash));
}

function requestFields(i: number, request: HarObject): HarField[] {
  const fields: HarField[] = [];
  const url = text(request['url']);
  if (url !== null) fields.push({ entry: i, field: 'request.url', bytes: utf8(urlWithoutQuery(url)), as: 'url', name: null });
  fields.push(...pairs(i, 'request.headers', request['headers'], headerHolding));
  fields.push(...pairs(i, 'request.cookies', request['cookies'], (name) => ({ as: 'cookie', name })));
  fields.push(...pairs(i, 'request.queryString', request['queryString'], (name) => ({ as: 'url', name })));
  const post = request['postData'];
  if (isRecord(post)) {
    fields.push(...pairs(i, 'request.postData.params', post['params'], (name) => ({ as: 'url', name })));
    const body = text(post['text']);
    if (body !== null) fields.push({ entry: i, field: 'request.postData.text', bytes: utf8(body), as: 'raw', name: null });
  }
  return fields;
}

function responseFields(i: number, response: HarObject): HarField[] {
  const fields: HarField[] = [];
  fields.push(...pairs(i, 'response.headers', response['headers'], headerHolding));
  fields.push(...pairs(i, 'response.cookies', response['cookies'], (name) => ({ as: 'cookie', name })));
  const redirect = text(response['redirectURL']);
  if (redirect !== null) fields.push({ entry: i, field: 'response.redirectURL', bytes: utf8(redirect), as: 'url', name: null });
  const content = response['content'];
  const body = isRecord(content) ? text(content['text']) : null;
  if (isRecord(content) && body !== null) {
    // HAR 1.2 §content: binary bodies are stored base64-encoded, with `encoding: "base64"`.
    const bytes = content['encoding'] === 'base64' ? Buffer.from(body, 'base64') : utf8(body);
    fields.push({ entry: i, field: 'response.content.text', bytes, as: 'raw', name: null });
  }
  return fields;
}

/** Every field of every entry that can hold a token, in entry order. */
export function* harFields(entries: readonly HarObject[]): Generator<HarField> {
  for (const [i, entry] of entries.entries()) {
    if (isRecord(entry['request'])) yield* requestFields(i, entry['request']);
    if (isRecord(entry['response'])) yield* responseFields(i, entry['response']);
  }
}

/** A token found in a field, held the way the field holds it (for the audit rules). */
export function foundInField(field: HarField, token: string): FoundToken {
  const name = field.name ?? field.cookies?.find((c) => c.value === token)?.name ?? null;
  return { token, as: field.as, name, ...(field.setCookie ? { setCookie: field.setCookie } : {}) };
}
