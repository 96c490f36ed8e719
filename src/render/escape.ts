/**
 * Terminal safety. Text from a token is attacker-controlled: an ESC byte can
 * move the cursor, clear the screen or retitle the window, and bidi overrides
 * can make `admin` read as something else. Every such code point is shown as
 * a visible `\uXXXX` escape instead.
 */
// C0, DEL, C1, ALM, zero-width and bidi marks, line/paragraph separators,
// bidi embeddings/overrides/isolates, word joiner and invisible operators, BOM,
// and lone surrogates (which a terminal cannot show faithfully).
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Printable ASCII but `"` and `\`: JSON.stringify quotes such a string as it is, and none of it is unsafe. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

const hex = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Make any string from a token safe to print on a terminal. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, hex);
}

/**
 * A JSON string literal that is also terminal-safe: JSON.stringify leaves C1
 * controls and bidi overrides raw, so they are escaped here too (still valid JSON).
 */
export function quoteJson(text: string): string {
  // Most strings of a token are plain ASCII: no escaping to do, and no second pass.
  if (PLAIN_ASCII.test(text)) return `"${text}"`;
  return JSON.stringify(text).replace(UNSAFE, hex);
}
