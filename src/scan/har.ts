import { parseCookieList, parseSetCookie, type SetCookie } from '../token/cookie.js';
import type { FoundAs, FoundToken } from '../token/extract.js';

/**
 * What the places of a HAR 1.2 entry mean
 * (http://www.softwareishard.com/blog/har-12-spec/): which ones can carry a
 * token, and how a token is held in each, so that the audit rules that
 * depend on it (the cookie ones) see it.
 */

/** How a field holds its tokens. */
export interface Holding {
  readonly as: FoundAs;
  /** The cookie or parameter name; null for headers and bodies. */
  readonly name: string | null;
  /** The whole cookie, when the field is a Set-Cookie header. */
  readonly setCookie?: SetCookie;
  /** The value of a Cookie header, to name the cookie a token came in. */
  readonly cookieList?: string;
}

/** The name/value lists of an entry: `request.headers`, `response.cookies`, `request.postData.params`, ... */
const PAIR_LISTS = ['headers', 'cookies', 'queryString', 'params'] as const;
export type PairList = (typeof PAIR_LISTS)[number];

export const RAW: Holding = { as: 'raw', name: null };

function headerHolding(name: string, value: string): Holding {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return { as: 'bearer', name: null };
  if (lower === 'cookie') return { as: 'cookie', name: null, cookieList: value };
  if (lower === 'set-cookie') {
    const cookie = parseSetCookie(value);
    return cookie === null ? RAW : { as: 'cookie', name: cookie.name, setCookie: cookie };
  }
  return RAW;
}

/** How one item of a name/value list holds its value's tokens. */
export function pairHolding(list: PairList, name: string, value: string): Holding {
  if (list === 'headers') return headerHolding(name, value);
  return { as: list === 'cookies' ? 'cookie' : 'url', name };
}

/** A token found in a field, held the way the field holds it. */
export function foundIn(holding: Holding, token: string): FoundToken {
  const fromList = holding.cookieList === undefined ? undefined : parseCookieList(holding.cookieList).find((c) => c.value === token)?.name;
  return { token, as: holding.as, name: holding.name ?? fromList ?? null, ...(holding.setCookie ? { setCookie: holding.setCookie } : {}) };
}

/** A URL without its query, which the entry's `queryString` list gives item by item. */
export function urlWithoutQuery(url: string): string {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  return q === -1 ? url : url.slice(0, q) + (hash === -1 ? '' : url.slice(hash));
}
