import { Buffer } from 'node:buffer';
import type { StringSink } from './json-stream.js';
import { TokenFinder } from './finder.js';

/** Strings are fed to a finder in blocks of this size (an escape-heavy JSON body arrives in many small pieces). */
const BLOCK_BYTES = 64 * 1024;

/** Finds tokens in a string as it streams by; `onEnd` gets them all once the string ends. */
export class FinderSink implements StringSink {
  readonly #finder = new TokenFinder();
  /** Allocated on the first write: most HAR bodies are empty. */
  #block: Buffer | null = null;
  #filled = 0;
  readonly tokens: string[] = [];

  constructor(readonly onEnd: (tokens: readonly string[]) => void = () => undefined) {}

  write(bytes: Uint8Array): void {
    const block = (this.#block ??= Buffer.allocUnsafe(BLOCK_BYTES));
    let from = 0;
    while (from < bytes.length) {
      const n = Math.min(BLOCK_BYTES - this.#filled, bytes.length - from);
      block.set(bytes.subarray(from, from + n), this.#filled);
      this.#filled += n;
      from += n;
      if (this.#filled === BLOCK_BYTES) this.#flush();
    }
  }

  end(): void {
    this.#flush();
    this.tokens.push(...this.#finder.end().map((m) => m.token));
    this.onEnd(this.tokens);
  }

  #flush(): void {
    if (this.#block === null) return;
    this.tokens.push(...this.#finder.push(this.#block.subarray(0, this.#filled)).map((m) => m.token));
    this.#filled = 0;
  }
}

/** Decodes base64 text as it streams by, into another sink (a HAR body stored with `encoding: "base64"`). */
export class Base64Sink implements StringSink {
  /** Base64 characters not yet decoded: fewer than a 4-character group. */
  #rest = '';

  constructor(readonly into: StringSink) {}

  write(bytes: Uint8Array): void {
    // In blocks, so that a body of hundreds of MiB never becomes one string.
    for (let from = 0; from < bytes.length; from += BLOCK_BYTES) {
      const text = this.#rest + Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.min(BLOCK_BYTES, bytes.length - from)).toString('latin1');
      const whole = text.length - (text.length % 4);
      this.#rest = text.slice(whole);
      if (whole > 0) this.into.write(Buffer.from(text.slice(0, whole), 'base64'));
    }
  }

  end(): void {
    if (this.#rest !== '') this.into.write(Buffer.from(this.#rest, 'base64'));
    this.#rest = '';
    this.into.end();
  }
}

/** The same bytes into several sinks. */
export function teeSink(...sinks: StringSink[]): StringSink {
  return {
    write: (bytes) => sinks.forEach((s) => s.write(bytes)),
    end: () => sinks.forEach((s) => s.end()),
  };
}
