import { Buffer } from 'node:buffer';
/**
 * A JSON reader fed in chunks of any size that never holds the document:
 * it tracks where it is (the path of keys and indexes) and hands each string
 * value, decoded to UTF-8 bytes, to whoever asked for strings at that path.
 * Enough to walk a HAR archive of any size in bounded memory (RFC 8259).
 */

export type PathStep = string | number;

/** Where the decoded bytes of one string value go; the bytes are only valid during the call. */
export interface StringSink {
  write(bytes: Uint8Array): void;
  end(): void;
}

export interface JsonStreamListener {
  /** A string value starts at this path: where its bytes go, or null to skip it. */
  onString(path: readonly PathStep[]): StringSink | null;
  /** The object or array at this path ended. */
  onClose(path: readonly PathStep[]): void;
}

export class JsonStreamError extends Error {
  override readonly name = 'JsonStreamError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

/** Object keys longer than this are cut: a HAR's keys are short words. */
const MAX_KEY_BYTES = 1024;

const SIMPLE_ESCAPES: Readonly<Record<number, number>> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09 };
const SCALAR_BYTE = /[0-9a-zA-Z.+-]/;

type State = 'value' | 'after-value' | 'key' | 'colon' | 'string' | 'escape' | 'unicode' | 'scalar';

interface Frame {
  readonly array: boolean;
  key: string;
  index: number;
}

/**
 * Keeps a short string whole, up to a limit (a key, a header, a cookie, a URL);
 * past it the rest is dropped: no real header or URL is that long.
 */
export class CaptureSink implements StringSink {
  readonly #parts: Buffer[] = [];
  #size = 0;

  constructor(
    readonly limit: number,
    readonly onEnd: (text: string) => void = () => undefined,
  ) {}

  write(bytes: Uint8Array): void {
    const room = this.limit - this.#size;
    if (room <= 0) return;
    const part = Buffer.from(bytes.subarray(0, room));
    this.#parts.push(part);
    this.#size += part.length;
  }

  end(): void {
    this.onEnd(this.text());
  }

  text(): string {
    return Buffer.concat(this.#parts).toString('utf8');
  }
}

function utf8Of(codePoint: number): Uint8Array {
  return Buffer.from(String.fromCodePoint(codePoint), 'utf8');
}

export class JsonStream {
  readonly #listener: JsonStreamListener;
  readonly #stack: Frame[] = [];
  #state: State = 'value';
  /** Bytes of the input before the current one (for error messages). */
  #offset = 0;
  #done = false;
  /** Where the current string's bytes go (a key, a listener's sink, or nowhere). */
  #sink: StringSink | null = null;
  #key: CaptureSink | null = null;
  #hex = '';
  /** A UTF-16 high surrogate waiting for its low half (`\uD83D\uDE00`). */
  #highSurrogate = 0;

  constructor(listener: JsonStreamListener) {
    this.#listener = listener;
  }

  /** Read one more chunk. Throws JsonStreamError on text that is not JSON. */
  push(chunk: Uint8Array): void {
    const base = this.#offset;
    let i = 0;
    while (i < chunk.length) {
      this.#offset = base + i;
      if (this.#state === 'string') i = this.#stringRun(chunk, i);
      else {
        this.#byte(chunk[i]!);
        i++;
      }
    }
    this.#offset = base + chunk.length;
  }

  /** The input ended: throws unless it was one whole JSON value. */
  end(): void {
    if (this.#state === 'scalar') this.#valueEnd();
    if (!this.#done || this.#state !== 'after-value') throw new JsonStreamError('the JSON text ends too early', this.#offset);
  }

  #fail(message: string): never {
    throw new JsonStreamError(message, this.#offset);
  }

  /** The path of the value being read: the key or index in each open container. */
  #path(): PathStep[] {
    return this.#stack.map((f) => (f.array ? f.index : f.key));
  }

  /** Bytes of a string up to its closing quote or an escape, handed on without a copy. */
  #stringRun(chunk: Uint8Array, from: number): number {
    let j = from;
    while (j < chunk.length && chunk[j] !== 0x22 && chunk[j] !== 0x5c) j++;
    if (j > from) this.#sink?.write(chunk.subarray(from, j));
    if (j === chunk.length) return j;
    if (chunk[j] === 0x22) this.#stringEnd();
    else this.#state = 'escape';
    return j + 1;
  }

  #byte(b: number): void {
    switch (this.#state) {
      case 'escape':
        return this.#escape(b);
      case 'unicode':
        return this.#unicode(b);
      case 'scalar':
        if (SCALAR_BYTE.test(String.fromCharCode(b))) return;
        this.#valueEnd();
        return this.#byte(b);
      default:
        return this.#structure(b);
    }
  }

  #structure(b: number): void {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) return;
    const top = this.#stack[this.#stack.length - 1];
    if (this.#state === 'key') {
      if (b === 0x22) return this.#stringStart(true);
      if (b === 0x7d && top!.key === '' && top!.index === 0) return this.#close(false);
      return this.#fail('expected a key');
    }
    if (this.#state === 'colon') {
      if (b !== 0x3a) this.#fail("expected ':'");
      this.#state = 'value';
      return;
    }
    if (this.#state === 'after-value') {
      if (top === undefined) this.#fail('text after the JSON value');
      if (b === 0x2c) {
        top.index++;
        this.#state = top.array ? 'value' : 'key';
        return;
      }
      return this.#close(b === 0x5d ? true : b === 0x7d ? false : this.#fail("expected ',' or a closing bracket"));
    }
    // A value is expected.
    if (this.#done) this.#fail('text after the JSON value');
    if (b === 0x22) return this.#stringStart(false);
    if (b === 0x7b || b === 0x5b) {
      this.#stack.push({ array: b === 0x5b, key: '', index: 0 });
      this.#state = b === 0x5b ? 'value' : 'key';
      return;
    }
    if (b === 0x5d && top?.array && top.index === 0) return this.#close(true);
    if (SCALAR_BYTE.test(String.fromCharCode(b))) {
      this.#state = 'scalar';
      return;
    }
    this.#fail('expected a value');
  }

  #close(array: boolean): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top === undefined || top.array !== array) this.#fail('a bracket closes what it did not open');
    this.#stack.pop();
    this.#listener.onClose(this.#path());
    this.#valueEnd();
  }

  #valueEnd(): void {
    this.#state = 'after-value';
    if (this.#stack.length === 0) this.#done = true;
  }

  #stringStart(isKey: boolean): void {
    if (isKey) {
      this.#key = new CaptureSink(MAX_KEY_BYTES);
      this.#sink = this.#key;
    } else {
      this.#key = null;
      this.#sink = this.#listener.onString(this.#path());
    }
    this.#state = 'string';
  }

  #stringEnd(): void {
    if (this.#highSurrogate !== 0) this.#flushSurrogate();
    this.#sink?.end();
    this.#sink = null;
    if (this.#key !== null) {
      this.#stack[this.#stack.length - 1]!.key = this.#key.text();
      this.#key = null;
      this.#state = 'colon';
      return;
    }
    this.#valueEnd();
  }

  #escape(b: number): void {
    if (b === 0x75) {
      this.#hex = '';
      this.#state = 'unicode';
      return;
    }
    const decoded = SIMPLE_ESCAPES[b];
    if (decoded === undefined) this.#fail('a bad escape in a string');
    if (this.#highSurrogate !== 0) this.#flushSurrogate();
    this.#sink?.write(Uint8Array.of(decoded));
    this.#state = 'string';
  }

  #unicode(b: number): void {
    this.#hex += String.fromCharCode(b);
    if (!/^[0-9a-fA-F]*$/.test(this.#hex)) this.#fail('a bad \\u escape in a string');
    if (this.#hex.length < 4) return;
    const unit = parseInt(this.#hex, 16);
    this.#state = 'string';
    if (this.#highSurrogate !== 0 && unit >= 0xdc00 && unit <= 0xdfff) {
      this.#sink?.write(utf8Of(0x10000 + ((this.#highSurrogate - 0xd800) << 10) + (unit - 0xdc00)));
      this.#highSurrogate = 0;
      return;
    }
    if (this.#highSurrogate !== 0) this.#flushSurrogate();
    if (unit >= 0xd800 && unit <= 0xdbff) this.#highSurrogate = unit;
    else this.#sink?.write(utf8Of(unit >= 0xdc00 && unit <= 0xdfff ? 0xfffd : unit));
  }

  /** A high surrogate with no low half after it stands for U+FFFD, as a decoder shows it. */
  #flushSurrogate(): void {
    this.#sink?.write(utf8Of(0xfffd));
    this.#highSurrogate = 0;
  }
}
