import { Buffer, isUtf8 } from 'node:buffer';

/**
 * Candidate secrets from a wordlist stream, one a line. Lists such as
 * wallarm/jwt-secrets have CRLF line ends (docs/audit.md "Rules that need a key, a secret or a wordlist"), and rockyou-style
 * lists hold the odd huge or non-UTF-8 line: such lines are skipped, since a
 * string candidate could not carry their bytes faithfully anyway.
 *
 * The stream is cut into blocks of whole lines that worker threads split and
 * hash themselves, so a million candidates never become a million strings
 * and messages on the main thread.
 */

/** Longer lines are skipped, and never buffered beyond this. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Lines of a wordlist, whole, in one buffer; `first` when it starts the file (where a BOM may stand). */
export interface WordBlock {
  readonly bytes: Uint8Array;
  readonly first: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf] as const;
const DEFAULT_BLOCK_BYTES = 256 * 1024;

/** The candidates of a block: one trailing CR dropped; blank, over-long and non-UTF-8 lines skipped. */
export function* candidatesIn(block: WordBlock): Generator<Uint8Array> {
  const { bytes } = block;
  let start = block.first && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(LF, start);
    if (end === -1) end = bytes.length;
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (stop > start && stop - start <= MAX_LINE_BYTES) {
      const line = bytes.subarray(start, stop);
      if (isUtf8(line)) yield line;
    }
    start = end + 1;
  }
}

/**
 * Cut a byte stream into blocks of whole lines of at least `blockBytes`
 * (the last may be shorter). A line with no end in sight past
 * MAX_LINE_BYTES is dropped as it streams, never buffered.
 */
export async function* wordBlocks(chunks: AsyncIterable<Uint8Array>, blockBytes = DEFAULT_BLOCK_BYTES): AsyncGenerator<WordBlock> {
  let pending: Uint8Array[] = [];
  // Bytes of pending up to its last line end, and after it (an unfinished line).
  let complete = 0;
  let open = 0;
  let skipping = false;
  let first = true;

  const cut = (): WordBlock => {
    const all = Buffer.concat(pending, complete + open);
    const block = { bytes: all.subarray(0, complete), first };
    pending = open > 0 ? [all.subarray(complete)] : [];
    complete = 0;
    first = false;
    return block;
  };

  for await (const chunk of chunks) {
    let piece = chunk;
    if (skipping) {
      const nl = piece.indexOf(LF);
      if (nl === -1) continue;
      skipping = false;
      piece = piece.subarray(nl + 1);
    }
    // A copy: the producer may reuse its chunk buffers.
    pending.push(piece.slice());
    const lastNl = piece.lastIndexOf(LF);
    if (lastNl === -1) open += piece.length;
    else {
      complete += open + lastNl + 1;
      open = piece.length - lastNl - 1;
    }
    if (open > MAX_LINE_BYTES) {
      pending = [Buffer.concat(pending, complete + open).subarray(0, complete)];
      open = 0;
      skipping = true;
    }
    if (complete >= blockBytes) yield cut();
  }
  if (complete + open > 0) {
    complete += open;
    open = 0;
    yield cut();
  }
}
