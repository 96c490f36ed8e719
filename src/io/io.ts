/**
 * Everything jwt-inspect needs from the outside world, passed in. Only
 * process-io.ts builds the real one; tests build their own.
 */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface Io {
  readonly stdin: {
    readonly isTTY: boolean;
    /** The whole of stdin; throws ERR_INPUT_TOO_LARGE past `limit` bytes. */
    read(limit: number): Promise<Uint8Array>;
  };
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The wall clock in Unix seconds (with milliseconds); `--now` replaces it. */
  now(): number;
  /** A whole file; throws ERR_INPUT_TOO_LARGE past `limit` bytes, ERR_READ_FAILED when unreadable. */
  readFile(path: string, limit: number): Promise<Uint8Array>;
  readonly clipboard: {
    read(): Promise<string>;
    write(text: string): Promise<void>;
  };
}
