import { InspectError } from '../errors.js';

/**
 * Everything jwt-inspect needs from the outside world, passed in. Only
 * process-io.ts builds the real one; tests build their own.
 */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** The terminal's width in characters; undefined when it is not a terminal. */
  readonly columns: number | undefined;
  /** The reader went away (`| head -1`): further writes go nowhere, and long work may stop. */
  readonly closed: boolean;
}

/** Which entries a folder walk leaves out; paths relative to the folder walked, `/`-separated. */
export interface WalkFilter {
  skipFolder(relativePath: string): boolean;
  skipFile(relativePath: string): boolean;
}

export interface WalkedFile {
  readonly path: string;
  /** Found by walking a folder, rather than named by the user. */
  readonly fromFolder: boolean;
}

export interface Files {
  /**
   * The regular files a path names: itself when it is not a folder, else
   * every file below it, depth first in name order. Symbolic links are
   * followed and every real folder and file visited once, so a link loop
   * ends. Throws ERR_READ_FAILED when the path itself cannot be read; what
   * cannot be read below it goes to `onSkip`.
   */
  walk(path: string, filter: WalkFilter, onSkip: (path: string, reason: string) => void): AsyncIterable<WalkedFile>;
  /** A file's bytes in chunks; a chunk is valid only until the next one is asked for. */
  stream(path: string): AsyncIterable<Uint8Array>;
}

/** One HTTP(S) GET, as src/io/http.ts performs it. */
export interface HttpRequest {
  readonly url: string;
  /** For each request, from connecting to the last byte of the body. */
  readonly timeoutMs: number;
  /** A longer body is an error. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Why a URL redirected to may not be fetched (the caller's rule, as for the first URL), or null when it may. */
  readonly urlProblem: (url: URL) => string | null;
  /** PEM certificates trusted besides the system's. */
  readonly ca: string | null;
  readonly accept: string;
}

export interface HttpResponse {
  /** The URL that answered, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

/** Documents fetched earlier, kept on disk between runs. */
export interface DocumentCache {
  /** The entry of that name; null when there is none or it cannot be read. */
  read(name: string): Promise<string | null>;
  /**
   * Atomic (a reader never sees half an entry). Rejects, saying why in words,
   * when the entry cannot be written; the cache being only a shortcut, the caller goes on.
   */
  write(name: string, text: string): Promise<void>;
}

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Io {
  readonly stdin: {
    readonly isTTY: boolean;
    /** The whole of stdin; throws ERR_INPUT_TOO_LARGE past `limit` bytes. */
    read(limit: number): Promise<Uint8Array>;
    /** Stdin in chunks as they arrive, never held whole; `stop` ends it even while a read waits. */
    stream(stop?: AbortSignal): AsyncIterable<Uint8Array>;
  };
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Env;
  /** The wall clock in Unix seconds (with milliseconds); `--now` replaces it. */
  now(): number;
  /** A whole file; throws ERR_INPUT_TOO_LARGE past `limit` bytes, ERR_READ_FAILED when unreadable. */
  readFile(path: string, limit: number): Promise<Uint8Array>;
  readonly clipboard: {
    read(): Promise<string>;
    write(text: string): Promise<void>;
  };
  /** Folder walking and streaming reads, for scan. */
  readonly files: Files;
  /**
   * Call `listener` on the first Ctrl-C (SIGINT) instead of dying; a second
   * one kills as usual. Returns the function that removes the listener.
   */
  onInterrupt(listener: () => void): () => void;
  /** A GET honouring the proxy variables of `env`; throws ERR_NETWORK naming the URL. Only key options call it. */
  httpGet(request: HttpRequest): Promise<HttpResponse>;
  /** Under $XDG_CACHE_HOME/jwt-inspect, else ~/.cache/jwt-inspect. */
  readonly cache: DocumentCache;
}

/** The ERR_READ_FAILED of `readFile` and `files`: the path and the system's error code, never the file's content. */
export function readFailed(path: string, cause: unknown): InspectError {
  return new InspectError('ERR_READ_FAILED', `cannot read ${path} (${(cause as NodeJS.ErrnoException).code ?? 'error'}); check the path and its permissions`, {
    cause,
  });
}
