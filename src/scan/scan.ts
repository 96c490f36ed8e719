import { InspectError } from '../errors.js';
import type { Io, WalkedFile, WalkFilter } from '../io/io.js';
import type { InspectOptions, InspectReport, SourceFrom } from '../report/inspect.js';
import type { FoundToken } from '../token/extract.js';
import type { Verification } from '../verify/result.js';
import { TokenCollector, type ScanLocation, type ScannedToken } from './collect.js';
import { looksBinary } from './filter.js';
import { TokenFinder } from './finder.js';
import { HarWalker } from './har-walk.js';
import { JsonStream, JsonStreamError } from './json-stream.js';

/** What a scan has done so far (for the progress line and the summary). */
export interface ScanProgress {
  /** Files and streams read (stdin counts as one). */
  files: number;
  bytes: number;
  /** Files a folder walk left out because they are binary or unreadable. */
  skipped: number;
  tokens: number;
}

export interface ScanOptions {
  /** Files and folders; `-` is stdin; none is stdin too. */
  readonly paths: readonly string[];
  readonly filter: WalkFilter;
  readonly inspect: InspectOptions;
  /** Stops the scan between two chunks, or while it waits for one (Ctrl-C). */
  readonly signal: AbortSignal;
  /** Checked between chunks: the reader of the output went away. */
  readonly outputClosed: () => boolean;
  /** Verifies each distinct token (a key option was given); many run at once. */
  readonly verify?: (report: InspectReport) => Promise<Verification | null>;
  /** A token seen for the first time (and verified, with `verify`). */
  readonly onToken?: (token: ScannedToken) => void;
  /** After every chunk read. */
  readonly onProgress?: (progress: Readonly<ScanProgress>) => void;
  /** A file left out or read differently, and why. */
  readonly onNote?: (path: string, note: string) => void;
}

export interface ScanResult {
  readonly tokens: ScannedToken[];
  readonly progress: Readonly<ScanProgress>;
  /** The scan was cut short (Ctrl-C, or the output closed): the tokens are those found so far. */
  readonly stopped: boolean;
  /** Each token was verified against a key. */
  readonly verified: boolean;
}

/** Where a scan reads from: the files and the stdin of the Io. */
export type ScanIo = Pick<Io, 'files'> & { readonly stdin: Pick<Io['stdin'], 'stream'> };

const STOPPED = Symbol('stopped');

/**
 * The next item of an iterator, or STOPPED as soon as the signal fires, even
 * while a read is pending: a silent stdin must not keep Ctrl-C waiting.
 */
async function next<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T> | typeof STOPPED> {
  if (signal.aborted) return STOPPED;
  let onAbort = (): void => undefined;
  const aborted = new Promise<typeof STOPPED>((resolve) => {
    onAbort = () => resolve(STOPPED);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([iterator.next(), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

class Scan {
  readonly collector: TokenCollector;
  readonly progress: ScanProgress = { files: 0, bytes: 0, skipped: 0, tokens: 0 };
  /** Verifications in flight; a failure to verify at all (the network) is kept for the end. */
  readonly #verifying: Array<Promise<void>> = [];
  #verifyFailure: unknown = null;

  constructor(
    readonly io: ScanIo,
    readonly options: ScanOptions,
  ) {
    this.collector = new TokenCollector(options.inspect);
  }

  stopNow(): boolean {
    return this.options.signal.aborted || this.options.outputClosed();
  }

  /** Binary files are left out silently (a repository holds many); anything else is worth a note. */
  skip(path: string, reason: string): void {
    this.progress.skipped++;
    if (reason !== 'binary') this.options.onNote?.(path, `skipped (${reason})`);
  }

  /**
   * Record a sighting; false when the scan must stop. A token streamed out
   * (`--jsonl`) is followed by a turn of the event loop, so that a reader
   * that went away (EPIPE arrives as an event) stops the scan at once.
   */
  async add(found: FoundToken, from: SourceFrom, location: ScanLocation): Promise<boolean> {
    const added = this.collector.add(found, from, location);
    if (added === null) return true;
    this.progress.tokens++;
    if (this.options.verify !== undefined) {
      this.#verifying.push(this.#verify(added, this.options.verify));
      return true;
    }
    if (this.options.onToken === undefined) return true;
    this.options.onToken(added);
    await new Promise((resolve) => setImmediate(resolve));
    return !this.stopNow();
  }

  async #verify(token: ScannedToken, verify: NonNullable<ScanOptions['verify']>): Promise<void> {
    try {
      token.verification = await verify(token.report);
      this.options.onToken?.(token);
    } catch (error) {
      this.#verifyFailure ??= error;
    }
  }

  /** Every verification done; throws what kept one from running at all. */
  async verified(): Promise<void> {
    await Promise.all(this.#verifying);
    if (this.#verifyFailure !== null) throw this.#verifyFailure;
  }

  /** Stream one source through a finder; false when the scan must stop. */
  async text(file: string, chunks: AsyncIterable<Uint8Array>, skipBinary: boolean): Promise<boolean> {
    const finder = new TokenFinder();
    const from = file === '-' ? 'stdin' : 'file';
    const iterator = chunks[Symbol.asyncIterator]();
    for (let first = true; ; first = false) {
      const step = await next(iterator, this.options.signal);
      if (step === STOPPED) {
        // Let the source close once its pending read lands (the signal ends a read from stdin).
        iterator.return?.().catch(() => undefined);
        return false;
      }
      if (first) {
        if (!step.done && skipBinary && looksBinary(step.value)) {
          this.skip(file, 'binary');
          await iterator.return?.();
          return true;
        }
        this.progress.files++;
      }
      const matches = step.done ? finder.end() : finder.push(step.value);
      let going = true;
      for (const m of matches) {
        going = going && (await this.add({ token: m.token, as: 'raw', name: null }, from, { file, line: m.line, column: m.column }));
      }
      if (!step.done) this.progress.bytes += step.value.byteLength;
      this.options.onProgress?.(this.progress);
      if (step.done) return going;
      if (!going || this.stopNow()) {
        await iterator.return?.();
        return false;
      }
    }
  }

  /** A HAR file by entry and field, streamed; as text when it is not HAR 1.2 JSON. */
  async har(path: string): Promise<boolean> {
    const walker = new HarWalker();
    const json = new JsonStream(walker);
    let bytes = 0;
    let valid = true;
    try {
      for await (const chunk of this.io.files.stream(path)) {
        json.push(chunk);
        bytes += chunk.byteLength;
        this.options.onProgress?.({ ...this.progress, bytes: this.progress.bytes + bytes });
        if (this.stopNow()) return false;
      }
      json.end();
    } catch (error) {
      if (!(error instanceof JsonStreamError)) throw error;
      valid = false;
    }
    if (!valid || !walker.sawEntries) {
      this.options.onNote?.(path, 'not a HAR 1.2 document; scanned as text');
      return this.text(path, this.io.files.stream(path), false);
    }
    this.progress.files++;
    this.progress.bytes += bytes;
    for (const { found, entry, field } of walker.hits) {
      if (!(await this.add(found, 'file', { file: path, entry, field }))) return false;
    }
    this.options.onProgress?.(this.progress);
    return !this.stopNow();
  }

  async path(path: string): Promise<boolean> {
    if (path === '-') return this.text('-', this.io.stdin.stream(this.options.signal), false);
    for await (const file of this.io.files.walk(path, this.options.filter, (p, why) => this.skip(p, why))) {
      if (!(await this.file(file))) return false;
    }
    return true;
  }

  /** One file; one found by walking a folder that cannot be read is skipped, not fatal. */
  async file({ path, fromFolder }: WalkedFile): Promise<boolean> {
    try {
      const going = /\.har$/i.test(path) ? await this.har(path) : await this.text(path, this.io.files.stream(path), fromFolder);
      return going && !this.stopNow();
    } catch (error) {
      if (!fromFolder || !(error instanceof InspectError) || error.code !== 'ERR_READ_FAILED') throw error;
      this.skip(path, 'unreadable');
      return true;
    }
  }
}

/**
 * Find every token in the paths (or stdin) and inspect each distinct one
 * once. Input streams through in chunks, so memory does not grow with it;
 * only the tokens found are kept.
 */
export async function scanPaths(io: ScanIo, options: ScanOptions): Promise<ScanResult> {
  const scan = new Scan(io, options);
  let going = true;
  for (const path of options.paths.length === 0 ? ['-'] : options.paths) {
    going = await scan.path(path);
    if (!going) break;
  }
  await scan.verified();
  return { tokens: scan.collector.tokens, progress: scan.progress, stopped: !going, verified: options.verify !== undefined };
}
