/** Cookie strings as RFC 6265 §4 writes them: `name=value; Attr; Attr=value`. */

export interface CookiePair {
  readonly name: string;
  readonly value: string;
}

export interface SetCookie extends CookiePair {
  /** Attributes as written, names kept in their original case. */
  readonly attributes: ReadonlyArray<{ readonly name: string; readonly value: string | null }>;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** A `Cookie:` header value or a bare `a=b; c=d` string. Parts without `=` are skipped. */
export function parseCookieList(text: string): CookiePair[] {
  const pairs: CookiePair[] = [];
  for (const piece of text.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const name = piece.slice(0, eq).trim();
    if (name === '') continue;
    pairs.push({ name, value: unquote(piece.slice(eq + 1).trim()) });
  }
  return pairs;
}

/** A `Set-Cookie:` header value: the first pair is the cookie, the rest attributes. */
export function parseSetCookie(text: string): SetCookie | null {
  const [first = '', ...rest] = text.split(';');
  const eq = first.indexOf('=');
  if (eq <= 0) return null;
  const attributes = rest
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? { name: a, value: null } : { name: a.slice(0, i).trim(), value: a.slice(i + 1).trim() };
    });
  return { name: first.slice(0, eq).trim(), value: unquote(first.slice(eq + 1).trim()), attributes };
}

/** The last value of an attribute, case-insensitively (RFC 6265 §5.3 keeps the last). */
export function cookieAttribute(cookie: SetCookie, name: string): { value: string | null } | undefined {
  const lower = name.toLowerCase();
  for (let i = cookie.attributes.length - 1; i >= 0; i--) {
    const a = cookie.attributes[i]!;
    if (a.name.toLowerCase() === lower) return { value: a.value };
  }
  return undefined;
}
