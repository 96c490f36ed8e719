import { readFile } from 'node:fs/promises';
import { InspectError } from '../../src/errors.js';
import type { Io } from '../../src/io/io.js';

export interface FakeIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
  readonly clipboardText: () => string;
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
}

/** An Io for in-process tests: strings in, strings out, a fixed clock, files from a map (else the disk). */
export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  let stdout = '';
  let stderr = '';
  let clip = typeof options.clipboard === 'string' ? options.clipboard : '';
  return {
    stdin: {
      isTTY: options.stdinIsTTY ?? options.stdin === undefined,
      async read(limit) {
        const bytes = Buffer.from(options.stdin ?? '');
        if (bytes.byteLength > limit) throw new InspectError('ERR_INPUT_TOO_LARGE', 'standard input is too large');
        return bytes;
      },
    },
    stdout: { write: (s) => void (stdout += s), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
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
    out: () => stdout,
    err: () => stderr,
    clipboardText: () => clip,
  };
}
