/**
 * Candidate secrets from a wordlist stream, one a line. Lists such as
 * wallarm/jwt-secrets have CRLF line ends (AUDIT-RULES §3), and rockyou-style
 * lists hold the odd huge or non-UTF-8 line: such lines are skipped, since a
 * string candidate could not carry their bytes faithfully anyway.
 */

/** Longer lines are skipped, and never buffered beyond this. */
export const MAX_LINE_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A line's text without one trailing CR, or null when it is blank or not UTF-8. */
function lineText(bytes: Uint8Array, first: boolean): string | null {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  if (end === 0) return null;
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
  // A byte-order mark opens the file, not the first secret.
  const word = first && text.startsWith('\ufeff') ? text.slice(1) : text;
  return word === '' ? null : word;
}

/** Split a byte stream into wordlist lines: LF or CRLF ends, blank and over-long lines skipped. */
export async function* wordlistLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let parts: Uint8Array[] = [];
  let length = 0;
  let tooLong = false;
  let first = true;

  const take = (piece: Uint8Array): void => {
    if (tooLong) return;
    if (length + piece.length > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
      length = 0;
      return;
    }
    // A copy: the producer may reuse its chunk buffers.
    parts.push(piece.slice());
    length += piece.length;
  };
  const finish = (): string | null => {
    const text = tooLong ? null : lineText(parts.length === 1 ? parts[0]! : Buffer.concat(parts), first);
    parts = [];
    length = 0;
    tooLong = false;
    first = false;
    return text;
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, start)) {
      take(chunk.subarray(start, nl));
      const text = finish();
      if (text !== null) yield text;
      start = nl + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (length > 0 || tooLong) {
    const text = finish();
    if (text !== null) yield text;
  }
}
