import { InspectError } from '../errors.js';
import { decodeJsonPart } from './part.js';
import { parseJson, type JsonNode } from './json.js';
import { decodeSegment } from './segment.js';
import { parseCookieList, parseSetCookie, type SetCookie } from './cookie.js';

export type FoundAs = 'raw' | 'bearer' | 'cookie' | 'url' | 'json';

/** A token found in the input, and how it was held there. */
export interface FoundToken {
  readonly token: string;
  readonly as: FoundAs;
  /** Cookie name, URL parameter or JSON key; null for a bare or bearer token. */
  readonly name: string | null;
  /** The whole Set-Cookie line when the token came in one (for the cookie rules). */
  readonly setCookie?: SetCookie;
}

const COMPACT = /^[A-Za-z0-9_\-+/=]+(?:\.[A-Za-z0-9_\-+/=]*){2}(?:(?:\.[A-Za-z0-9_\-+/=]*){2})?$/;
const DOTTED = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)+$/;
// Runs of base64url and dots, matched without overlap so free text is read in linear time.
const TOKEN_RUN = /[A-Za-z0-9_\-.]{16,}/g;
const BEARER = /^(?:(?:proxy-)?authorization\s*:\s*)?bearer\s+(\S+)\s*$/i;
const COOKIE_HEADER = /^cookie\s*:\s*(.*)$/is;
const SET_COOKIE_HEADER = /^set-cookie\s*:\s*(.*)$/is;
const BARE_COOKIE = /^[^\s=;]+=[^;]*(?:;[^;]*)*$/s;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\?|#)/i;

/**
 * Is this string a compact JWS or JWE? The test detect-secrets uses: the
 * right number of parts, and a header that decodes to a JSON object.
 */
export function isCompactToken(text: string): boolean {
  if (!COMPACT.test(text)) return false;
  const header = decodeSegment(text.slice(0, text.indexOf('.')));
  if (!header.bytes) return false;
  return decodeJsonPart(header.bytes).json?.type === 'object';
}

const QUOTES = new Set(['"', "'", '`']);

function stripWrapping(input: string): string {
  const text = input.trim();
  let start = 0;
  let end = text.length;
  while (end - start >= 2 && QUOTES.has(text[start]!) && text[end - 1] === text[start]) {
    start++;
    end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
  }
  return text.slice(start, end);
}

/** The token inside a run of base64url and dots, if one starts at an `eyJ` (a JSON header's `{"`). */
export function tokenInRun(run: string): string | null {
  const at = run.indexOf('eyJ');
  if (at < 0) return null;
  const parts = run.slice(at).split('.');
  for (const count of [5, 3]) {
    const candidate = parts.slice(0, count).join('.');
    if (parts.length >= count && isCompactToken(candidate)) return candidate;
  }
  return null;
}

/**
 * Every token the input text holds, in order of appearance, with how it was
 * held: a bare token, a bearer header, cookies, a URL, a JSON document, or
 * failing those, any token-shaped run inside free text (a log line, curl -v).
 */
export function findTokens(input: string): FoundToken[] {
  const text = stripWrapping(input);
  if (text === '') return [];
  // Dotted base64url that is not a token still goes to the decoder, whose error says what is wrong with it.
  if (isCompactToken(text) || DOTTED.test(text)) return [{ token: text, as: 'raw', name: null }];

  const structured = structuredForm(text);
  if (structured.length > 0) return structured;

  const lines = text.split(/\r?\n/);
  if (lines.length > 1) {
    const perLine = lines.flatMap((line) => structuredForm(stripWrapping(line)));
    if (perLine.length > 0) return dedupe(perLine);
  }
  const embedded = [...text.matchAll(TOKEN_RUN)].map((m) => tokenInRun(m[0])).filter((t): t is string => t !== null);
  return dedupe(embedded.map((token) => ({ token, as: 'raw' as const, name: null })));
}

function structuredForm(text: string): FoundToken[] {
  const bearer = BEARER.exec(text);
  if (bearer) return [{ token: stripWrapping(bearer[1]!), as: 'bearer', name: null }];

  const setCookie = SET_COOKIE_HEADER.exec(text);
  if (setCookie) {
    const cookie = parseSetCookie(setCookie[1]!.trim());
    return cookie && isCompactToken(cookie.value) ? [{ token: cookie.value, as: 'cookie', name: cookie.name, setCookie: cookie }] : [];
  }
  const cookieHeader = COOKIE_HEADER.exec(text);
  if (cookieHeader) return fromCookies(cookieHeader[1]!);

  if (text.startsWith('{') || text.startsWith('[')) return fromJson(text);
  if (URL_LIKE.test(text)) return fromUrl(text);
  if (BARE_COOKIE.test(text) && !text.includes('\n')) {
    const cookie = parseSetCookie(text);
    const found = fromCookies(text);
    // A lone `name=token; HttpOnly; Secure` is a Set-Cookie value: keep its attributes.
    if (cookie && cookie.attributes.length > 0 && found.length === 1 && found[0]!.name === cookie.name) {
      return [{ ...found[0]!, setCookie: cookie }];
    }
    return found;
  }
  return [];
}

function fromCookies(list: string): FoundToken[] {
  return parseCookieList(list)
    .filter((c) => isCompactToken(c.value))
    .map((c) => ({ token: c.value, as: 'cookie' as const, name: c.name }));
}

function fromUrl(text: string): FoundToken[] {
  let url: URL;
  try {
    url = new URL(text, 'http://jwt-inspect.invalid/');
  } catch {
    return [];
  }
  const params = [...url.searchParams, ...new URLSearchParams(url.hash.slice(1))];
  return params.filter(([, v]) => isCompactToken(v)).map(([name, token]) => ({ token, as: 'url' as const, name }));
}

function fromJson(text: string): FoundToken[] {
  let root: JsonNode;
  try {
    root = parseJson(text).value;
  } catch {
    return [];
  }
  const found: FoundToken[] = [];
  const walk = (node: JsonNode, key: string | null): void => {
    if (node.type === 'string') {
      const value = node.value.trim();
      if (isCompactToken(value)) found.push({ token: value, as: 'json', name: key });
      else {
        const bearer = BEARER.exec(value);
        if (bearer && isCompactToken(bearer[1]!)) found.push({ token: bearer[1]!, as: 'json', name: key });
      }
    } else if (node.type === 'object') {
      for (const [k, v] of node.entries) walk(v, k);
    } else if (node.type === 'array') {
      for (const item of node.items) walk(item, key);
    }
  };
  walk(root, null);
  return dedupe(found);
}

function dedupe(found: FoundToken[]): FoundToken[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.name ?? ''}\u0000${f.token}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Picked {
  readonly found: FoundToken;
  /** How many tokens the input held. */
  readonly count: number;
  readonly all: readonly FoundToken[];
}

/** Choose the token to inspect: by `--pick` name, else the first. */
export function pickToken(input: string, pick?: string): Picked {
  const all = findTokens(input);
  if (all.length === 0) {
    throw new InspectError(
      'ERR_NO_TOKEN',
      'no JWT found in the input; give a compact token (xxx.yyy.zzz), a Bearer header, a cookie, a URL or a JSON token response',
    );
  }
  if (pick === undefined) return { found: all[0]!, count: all.length, all };
  // A name first; a number picks by position (1 is the first), for tokens that have no name.
  const chosen = all.find((f) => f.name === pick) ?? (/^[1-9]\d*$/.test(pick) ? all[Number(pick) - 1] : undefined);
  if (!chosen) {
    const names = [...new Set(all.map((f) => f.name).filter((n): n is string => n !== null))];
    throw new InspectError(
      'ERR_NO_TOKEN',
      `no token named '${pick}' in the input; ${names.length > 0 ? `names found: ${names.join(', ')}` : 'the tokens found have no names'}; a number from 1 to ${all.length} picks by position`,
    );
  }
  return { found: chosen, count: all.length, all };
}
