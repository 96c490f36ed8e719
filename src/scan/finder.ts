import { Buffer } from 'node:buffer';
import { tokenInRun } from '../token/extract.js';
import { countNewlines, runEnd, skipTokenBytes, utf16Length } from './bytes.js';

/** A token found in a stream of bytes, and where it starts. */
export interface TextMatch {
  readonly token: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units of the line as UTF-8 text. */
  readonly column: number;
}

/**
 * The longest run of token bytes considered. Real tokens stay far below it
 * (large ones with many claims are a few KiB); a longer run is skipped
 * without being kept, so that memory stays flat on any input.
 */
export const MAX_CANDIDATE_BYTES = 64 * 1024;

const J = 0x4a;
const E = 0x65;
const Y = 0x79;
/** Verdicts kept for repeated candidates (a log repeats the same token often); cleared when full. */
const VERDICT_CACHE_SIZE = 4096;

/**
 * Finds compact JWS and JWE tokens in a stream of bytes fed in chunks of
 * any size, with the line and column where each starts. A token, a line
 * count or a column split across chunks comes out as if the input had come
 * in one piece.
 *
 * Every compact token starts with `eyJ` (a base64url JSON object `{"`); the
 * finder looks for the rare `J` natively, and only then for the run of
 * base64url bytes and dots around it. Newlines are counted natively too, and
 * only up to where they are needed.
 */
export class TokenFinder {
  /** Bytes of the previous chunk that may start a token (an open run, or a trailing `e`/`ey`). */
  #carry: Buffer | null = null;
  /** Inside a run longer than MAX_CANDIDATE_BYTES: drop bytes until it ends. */
  #skipping = false;
  /** Absolute offset of the first byte of the buffer being searched. */
  #base = 0;
  /** Newlines before this absolute offset have been counted. */
  #counted = 0;
  #line = 1;
  /** Absolute offset where the current line starts. */
  #lineStart = 0;
  /** UTF-16 length of the current line from #lineStart up to #base, when the line began before the buffer. */
  #unitsBeforeBase = 0;
  readonly #verdicts = new Map<string, string | null>();

  /** The tokens that end in this chunk. The chunk may be reused by the caller afterwards. */
  push(chunk: Uint8Array): TextMatch[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return this.#search(this.#carry === null ? bytes : Buffer.concat([this.#carry, bytes]), false);
  }

  /** The tokens that end with the input. */
  end(): TextMatch[] {
    const rest = this.#carry ?? Buffer.alloc(0);
    this.#carry = null;
    return this.#search(rest, true);
  }

  #search(buf: Buffer, final: boolean): TextMatch[] {
    const found: TextMatch[] = [];
    let pos = 0;
    if (this.#skipping) {
      pos = skipTokenBytes(buf, 0);
      this.#skipping = pos === buf.length && !final;
    }
    let keepFrom = buf.length;
    while (!this.#skipping) {
      const j = buf.indexOf(J, pos + 2);
      if (j === -1) {
        keepFrom = final ? buf.length : partialStart(buf, pos);
        break;
      }
      if (buf[j - 1] !== Y || buf[j - 2] !== E) {
        pos = j - 1;
        continue;
      }
      const start = j - 2;
      const end = runEnd(buf, start, final);
      if (end === -1) {
        if (buf.length - start > MAX_CANDIDATE_BYTES) this.#skipping = true;
        else keepFrom = start;
        break;
      }
      const token = end - start <= MAX_CANDIDATE_BYTES ? this.#tokenIn(buf.toString('latin1', start, end)) : null;
      if (token !== null) found.push({ token, ...this.#positionOf(buf, start) });
      pos = end;
    }
    this.#advance(buf, keepFrom);
    return found;
  }

  /** The token a run of token bytes holds, if any; `%2E` is a dot that went through a URL encoder (RFC 3986 §2.1). */
  #tokenIn(run: string): string | null {
    let verdict = this.#verdicts.get(run);
    if (verdict === undefined) {
      if (this.#verdicts.size >= VERDICT_CACHE_SIZE) this.#verdicts.clear();
      verdict = tokenInRun(run.includes('%') ? run.replace(/%2e/gi, '.') : run);
      this.#verdicts.set(run, verdict);
    }
    return verdict;
  }

  /** Count lines up to `at` (an index into buf, at or after what was counted). */
  #countTo(buf: Buffer, at: number): void {
    const { count, lastLineStart } = countNewlines(buf, this.#counted - this.#base, at);
    if (count > 0) {
      this.#line += count;
      this.#lineStart = this.#base + lastLineStart;
    }
    this.#counted = this.#base + at;
  }

  #unitsTo(buf: Buffer, at: number): number {
    const lineStart = this.#lineStart - this.#base;
    return lineStart >= 0 ? utf16Length(buf, lineStart, at) : this.#unitsBeforeBase + utf16Length(buf, 0, at);
  }

  #positionOf(buf: Buffer, at: number): { line: number; column: number } {
    this.#countTo(buf, at);
    return { line: this.#line, column: 1 + this.#unitsTo(buf, at) };
  }

  /** Done with buf up to `keepFrom`: settle the line state there and carry the rest over. */
  #advance(buf: Buffer, keepFrom: number): void {
    this.#countTo(buf, keepFrom);
    this.#unitsBeforeBase = this.#unitsTo(buf, keepFrom);
    this.#carry = keepFrom < buf.length ? Buffer.from(buf.subarray(keepFrom)) : null;
    this.#base += keepFrom;
  }
}

/** Where a trailing `e` or `ey` that the next chunk may turn into `eyJ` starts. */
function partialStart(buf: Buffer, from: number): number {
  const n = buf.length;
  if (n - 2 >= from && buf[n - 2] === E && buf[n - 1] === Y) return n - 2;
  if (n - 1 >= from && buf[n - 1] === E) return n - 1;
  return n;
}
