import { readFile } from 'node:fs/promises';
import { InspectError } from '../../src/errors.js';
import { diskCache } from '../../src/io/cache.js';
import { realFiles } from '../../src/io/files.js';
import { httpGet } from '../../src/io/http.js';
import type { Io } from '../../src/io/io.js';

export interface FakeIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
  readonly clipboardText: () => string;
  /** Press Ctrl-C: calls what the program gave to onInterrupt. */
  readonly interrupt: () => void;
}

export interface FakeIoOptions {
  stdin?: string;
  /** A terminal on stdin (the default when no stdin text is given). */
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  env?: Record<string, string>;
  /** Unix seconds. */
  now?: number;
  files?: Record<string, string>;
  clipboard?: string | Error;
  /** What stdin.stream() yields (default: the stdin text in one chunk). */
  stdinStream?: () => AsyncIterable<Uint8Array>;
  stderrIsTTY?: boolean;
  /** stdout reports itself closed (a reader that went away) after this many writes. */
  stdoutClosesAfter?: number;
}

async function* inChunks<T>(...items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** An Io for in-process tests: strings in, strings out, a fixed clock, files from a map (else the disk). */
export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  let stdout = '';
  let stderr = '';
  let clip = typeof options.clipboard === 'string' ? options.clipboard : '';
  let writes = 0;
  let interruptListener: (() => void) | undefined;
  return {
    stdin: {
      isTTY: options.stdinIsTTY ?? options.stdin === undefined,
      async read(limit) {
        const bytes = Buffer.from(options.stdin ?? '');
        if (bytes.byteLength > limit) throw new InspectError('ERR_INPUT_TOO_LARGE', 'standard input is too large');
        return bytes;
      },
      stream: options.stdinStream ?? (() => inChunks(Buffer.from(options.stdin ?? ''))),
    },
    stdout: {
      write: (s) => {
        writes++;
        stdout += s;
      },
      isTTY: options.stdoutIsTTY ?? false,
      columns: undefined,
      get closed() {
        return options.stdoutClosesAfter !== undefined && writes >= options.stdoutClosesAfter;
      },
    },
    stderr: { write: (s) => void (stderr += s), isTTY: options.stderrIsTTY ?? false, columns: undefined, closed: false },
    env: options.env ?? {},
    now: () => options.now ?? 1_700_000_000,
    async readFile(path) {
      const text = options.files?.[path];
      if (text !== undefined) return Buffer.from(text);
      try {
        return await readFile(path);
      } catch (cause) {
        throw new InspectError('ERR_READ_FAILED', `cannot read ${path}`, { cause });
      }
    },
    clipboard: {
      async read() {
        if (options.clipboard instanceof Error) throw new InspectError('ERR_CLIPBOARD', options.clipboard.message);
        return clip;
      },
      async write(text) {
        clip = text;
      },
    },
    files: {
      walk(path, filter, onSkip) {
        return options.files?.[path] !== undefined ? inChunks({ path, fromFolder: false }) : realFiles.walk(path, filter, onSkip);
      },
      stream(path) {
        const text = options.files?.[path];
        return text !== undefined ? inChunks(Buffer.from(text)) : realFiles.stream(path);
      },
    },
    // The real network and disk cache, steered by the fake env (proxy variables, XDG_CACHE_HOME): tests talk to servers they start.
    httpGet: (request) => httpGet(request, options.env ?? {}),
    cache: diskCache(options.env ?? {}),
    onInterrupt(listener) {
      interruptListener = listener;
      return () => (interruptListener = undefined);
    },
    interrupt: () => interruptListener?.(),
    out: () => stdout,
    err: () => stderr,
    clipboardText: () => clip,
  };
}
