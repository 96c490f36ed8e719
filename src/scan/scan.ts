import { setImmediate } from 'node:timers';
import { InspectError } from '../errors.js';
import type { Io, WalkedFile, WalkFilter } from '../io/io.js';
import type { SourceFrom } from '../report/inspect.js';
import type { FoundToken } from '../token/extract.js';
import { TokenCollector, type ScanLocation, type ScannedToken, type Sighting } from './collect.js';
import type { Examination } from './examination.js';
import type { Examine } from './examiner.js';
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
  /** What is done with each distinct token: many are examined at once. */
  readonly examine: Examine;
  /** The examination verifies each token against a key. */
  readonly verifies: boolean;
  /** Stops the scan between two chunks, or while it waits for one (Ctrl-C). */
  readonly signal: AbortSignal;
  /** Checked between chunks: the reader of the output went away. */
  readonly outputClosed: () => boolean;
  /** A token examined, as first seen (one location), in the order tokens were first seen. */
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

/**
 * Examinations under way at most; reading waits for room beyond it. Enough
 * to keep the signature checks flowing, few enough that the reports of a
 * log of distinct tokens do not pile up in memory waiting for theirs.
 */
const MAX_EXAMINING = 256;

/**
 * While tokens stream out (`--jsonl`), a turn of the event loop after this
 * many, so that a reader gone away (`| head -1`: EPIPE arrives as an event)
 * stops the scan within a chunk that holds thousands.
 */
const TOKENS_PER_TURN = 256;

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

/** One turn of the event loop: examinations that finished are recorded, and a reader gone away (EPIPE) is noticed. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class Scan {
  readonly collector = new TokenCollector();
  readonly progress: ScanProgress = { files: 0, bytes: 0, skipped: 0, tokens: 0 };
  #examining = 0;
  /** What kept a token from being examined at all (a bug, or the network for a key refresh): the scan stops and throws it. */
  #failure: { error: unknown } | null = null;
  /** Called when an examination ends, for whoever waits for room or for the last one. */
  #onSettled: (() => void) | null = null;

  constructor(
    readonly io: ScanIo,
    readonly options: ScanOptions,
  ) {}

  stopNow(): boolean {
    return this.#failure !== null || this.options.signal.aborted || this.options.outputClosed();
  }

  /** Binary files are left out silently (a repository holds many); anything else is worth a note. */
  skip(path: string, reason: string): void {
    this.progress.skipped++;
    if (reason !== 'binary') this.options.onNote?.(path, `skipped (${reason})`);
  }

  /** Record a sighting; a token seen for the first time is examined, alongside the reading. */
  add(found: FoundToken, from: SourceFrom, location: ScanLocation): void {
    const first = this.collector.sight(found.token, location);
    if (first === null) return;
    // Counted at once for the progress line, and taken back if the decoder refuses it.
    this.progress.tokens++;
    this.#examining++;
    this.options
      .examine(found, from)
      .then(
        (examination) => this.#settle(first, examination),
        (error: unknown) => {
          this.#failure ??= { error };
          this.#settle(first, null);
        },
      )
      // Announcing a settled token failed (output that cannot be written): the scan stops and throws that.
      .catch((error: unknown) => {
        this.#failure ??= { error };
        this.#onSettled?.();
      });
  }

  #settle(sighting: Sighting, examination: Examination | null): void {
    this.#examining--;
    if (examination === null) this.progress.tokens--;
    this.collector.settle(sighting, examination, this.options.onToken);
    this.#onSettled?.();
  }

  /** Wait while more than `most` examinations are under way. */
  async #examiningAtMost(most: number): Promise<void> {
    while (this.#examining > most) {
      await new Promise<void>((resolve) => (this.#onSettled = resolve));
      this.#onSettled = null;
    }
  }

  /** After a chunk: room for more examinations, and a turn of the event loop; false when the scan must stop. */
  async settled(): Promise<boolean> {
    await this.#examiningAtMost(MAX_EXAMINING);
    await turn();
    return !this.stopNow();
  }

  /** Every examination done; throws what kept one from running at all. */
  async finished(): Promise<void> {
    await this.#examiningAtMost(0);
    if (this.#failure !== null) throw this.#failure.error;
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
      for (let i = 0; i < matches.length && !this.options.outputClosed(); i++) {
        const m = matches[i]!;
        this.add({ token: m.token, as: 'raw', name: null }, from, { file, line: m.line, column: m.column });
        if (this.options.onToken !== undefined && i % TOKENS_PER_TURN === TOKENS_PER_TURN - 1) await turn();
      }
      if (!step.done) this.progress.bytes += step.value.byteLength;
      this.options.onProgress?.(this.progress);
      const going = await this.settled();
      if (step.done) return going;
      if (!going) {
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
    for (const { found, entry, field } of walker.hits) this.add(found, 'file', { file: path, entry, field });
    this.options.onProgress?.(this.progress);
    return this.settled();
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
 * Find every token in the paths (or stdin) and examine each distinct one
 * once. Input streams through in chunks, so memory does not grow with it;
 * only what the tokens found need for the reports is kept.
 */
export async function scanPaths(io: ScanIo, options: ScanOptions): Promise<ScanResult> {
  const scan = new Scan(io, options);
  let going = true;
  for (const path of options.paths.length === 0 ? ['-'] : options.paths) {
    going = await scan.path(path);
    if (!going) break;
  }
  await scan.finished();
  return { tokens: scan.collector.tokens, progress: scan.progress, stopped: !going, verified: options.verifies };
}
