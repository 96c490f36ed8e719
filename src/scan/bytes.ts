import { Buffer, isAscii } from 'node:buffer';

/**
 * Byte-level helpers for the token finder. Everything here works on raw
 * bytes so that the bulk of a scan never decodes text.
 */

const WORD = 1;
const DOT = 2;
const PERCENT = 3;

/** What each byte can be inside a compact token: base64url letters, `.`, or the `%` of a `%2E`. */
const CLASS = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') CLASS[c.charCodeAt(0)] = WORD;
CLASS[0x2e] = DOT;
CLASS[0x25] = PERCENT;

/** `%2E` / `%2e`: a percent-encoded dot. */
function isEncodedDot(buf: Uint8Array, at: number): boolean {
  return buf[at + 1] === 0x32 && (buf[at + 2] === 0x45 || buf[at + 2] === 0x65);
}

/**
 * Where the run of token bytes that starts at `start` ends, or -1 when it
 * reaches the end of the buffer and the next chunk may continue it. With
 * `final`, the end of the buffer ends the run.
 */
export function runEnd(buf: Uint8Array, start: number, final: boolean): number {
  const n = buf.length;
  let j = start;
  while (j < n) {
    const c = CLASS[buf[j]!];
    if (c === WORD || c === DOT) j++;
    else if (c === PERCENT) {
      if (j + 3 > n) return final ? j : -1;
      if (!isEncodedDot(buf, j)) return j;
      j += 3;
    } else return j;
  }
  return final ? n : -1;
}

/** The index of the first byte at or after `from` that cannot be part of a token. */
export function skipTokenBytes(buf: Uint8Array, from: number): number {
  let j = from;
  while (j < buf.length && (CLASS[buf[j]!] === WORD || CLASS[buf[j]!] === DOT)) j++;
  return j;
}

/**
 * How many UTF-16 code units the bytes `[start, end)` make as UTF-8 text:
 * the column unit of SARIF (§3.30.2) and of most editors. ASCII, the usual
 * case, is checked natively. Otherwise every byte that starts a character
 * counts one unit, and a 4-byte one two (a surrogate pair): unlike decoding,
 * that adds up the same however the bytes were split into chunks.
 */
export function utf16Length(buf: Buffer, start: number, end: number): number {
  if (end <= start) return 0;
  const part = buf.subarray(start, end);
  if (isAscii(part)) return part.length;
  let units = 0;
  for (const byte of part) if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  return units;
}

/** How many `\n` bytes `[start, end)` holds, and the index just past the last one (or -1). */
export function countNewlines(buf: Buffer, start: number, end: number): { count: number; lastLineStart: number } {
  const part = buf.subarray(start, end);
  let count = 0;
  let last = -1;
  for (let i = part.indexOf(0x0a); i !== -1; i = part.indexOf(0x0a, i + 1)) {
    count++;
    last = i;
  }
  return { count, lastLineStart: last === -1 ? -1 : start + last + 1 };
}
