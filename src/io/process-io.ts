import { closeSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import { InspectError } from '../errors.js';
import { readFailed, type DocumentCache, type Files, type Io, type OutputStream } from './io.js';

function tooLarge(what: string, limit: number): InspectError {
  return new InspectError(
    'ERR_INPUT_TOO_LARGE',
    `${what} is larger than ${limit} bytes, the most jwt-inspect reads there; cut it down to the token, key or document it holds`,
  );
}

async function readStream(stream: AsyncIterable<Uint8Array>, limit: number, what: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(what, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A whole file, read synchronously in blocks: key files and key sets are small,
 * and a read stream would cost a start-up several turns of the event loop.
 */
function readFileUpTo(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks);
      size += read;
      if (size > limit) throw tooLarge(path, limit);
      chunks.push(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a descriptor is a terminal, without loading node:tty (and the net
 * code behind it) for the files, pipes and /dev/null that scripts write to:
 * only a character device other than /dev/null can be one.
 */
function isTerminal(fd: number): boolean {
  if (process.platform !== 'win32') {
    try {
      const stat = fstatSync(fd);
      if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      return false;
    }
  }
  return isatty(fd);
}

/**
 * stdout or stderr, written with writeSync: touching process.stdout makes Node
 * load its stream code (2-5 ms of start-up), and on Linux the process streams
 * write files, pipes and terminals synchronously anyway. A pipe left
 * non-blocking by another process answers EAGAIN; from then on the process
 * stream, which waits for it, takes the rest.
 */
function output(fd: 1 | 2, open: () => NodeJS.WriteStream): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  let terminal: boolean | undefined;
  // A Windows console takes text through the process stream (as UTF-16), not bytes through a descriptor.
  let direct = process.platform !== 'win32';
  const viaStream = (bytes: Uint8Array): void => {
    if (stream === undefined) {
      stream = open();
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') throw error;
        closed = true;
      });
    }
    stream.write(bytes);
  };
  const viaDescriptor = (bytes: Uint8Array): void => {
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(fd, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A reader that went away (`| head -1`; a socket, as Node's child processes get, resets): output goes nowhere.
        if (code === 'EPIPE' || code === 'ECONNRESET') closed = true;
        else if (code === 'EAGAIN') {
          direct = false;
          viaStream(bytes);
        } else {
          // Said once; what would follow (a JSON error document) has nowhere to go either.
          closed = true;
          throw new InspectError(
            'ERR_WRITE_FAILED',
            `cannot write to standard ${fd === 1 ? 'output' : 'error'} (${code ?? 'error'}); check the disk or device it goes to`,
            { cause: error },
          );
        }
        return;
      }
    }
  };
  return {
    write(text) {
      if (closed) return;
      const bytes = Buffer.from(text, 'utf8');
      if (direct) viaDescriptor(bytes);
      else viaStream(bytes);
    },
    get isTTY() {
      return (terminal ??= isTerminal(fd));
    },
    get columns() {
      // Only a terminal has a width, and there Node's stream, which knows it, is worth its cost.
      return this.isTTY ? open().columns : undefined;
    },
    get closed() {
      return closed;
    },
  };
}

/** The file walker loads only when a scan runs. */
async function loadFiles(): Promise<Files> {
  return (await import('./files.js')).realFiles;
}

function clipboardError(action: string, cause: unknown): InspectError {
  const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new InspectError(
    'ERR_CLIPBOARD',
    `could not ${action} the clipboard (${reason}); on Linux it needs a display and xsel, xclip or wl-clipboard; pipe the token on stdin instead`,
    { cause },
  );
}

/**
 * clipboardy, loaded only for --clipboard and --copy. It is an ES module kept out of the
 * bundle (its xsel fallback sits beside it), so it is required as one (Node 20.19+).
 */
function loadClipboardy(): typeof import('clipboardy').default {
  return (createRequire(import.meta.url)('clipboardy') as typeof import('clipboardy')).default;
}

/** The real world: process streams, the file system, the system clipboard, the clock, the network. */
export function createProcessIo(): Io {
  // Network and cache code load on first use, so that decode never pays for them.
  const cache = (): Promise<DocumentCache> => import('./cache.js').then((m) => m.diskCache(process.env));
  return {
    stdin: {
      get isTTY() {
        return isTerminal(0);
      },
      read: (limit) => readStream(process.stdin, limit, 'standard input'),
      stream(stop) {
        stop?.addEventListener('abort', () => process.stdin.destroy(), { once: true });
        return process.stdin;
      },
    },
    stdout: output(1, () => process.stdout),
    stderr: output(2, () => process.stderr),
    env: process.env,
    now: () => Date.now() / 1000,
    async readFile(path, limit) {
      try {
        return readFileUpTo(path, limit);
      } catch (cause) {
        if (cause instanceof InspectError) throw cause;
        throw readFailed(path, cause);
      }
    },
    clipboard: {
      async read() {
        try {
          const clipboard = loadClipboardy();
          return await clipboard.read();
        } catch (cause) {
          throw clipboardError('read', cause);
        }
      },
      async write(text) {
        try {
          const clipboard = loadClipboardy();
          await clipboard.write(text);
        } catch (cause) {
          throw clipboardError('write to', cause);
        }
      },
    },
    files: {
      async *walk(path, filter, onSkip) {
        yield* (await loadFiles()).walk(path, filter, onSkip);
      },
      async *stream(path) {
        yield* (await loadFiles()).stream(path);
      },
    },
    onInterrupt(listener) {
      const once = (): void => {
        process.removeListener('SIGINT', once);
        listener();
      };
      process.on('SIGINT', once);
      return () => void process.removeListener('SIGINT', once);
    },
    httpGet: async (request) => (await import('./http.js')).httpGet(request, process.env),
    cache: {
      read: async (name) => (await cache()).read(name),
      write: async (name, text) => (await cache()).write(name, text),
    },
  };
}
