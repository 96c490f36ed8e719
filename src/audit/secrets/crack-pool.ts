import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecodedToken } from '../../token/decode.js';
import type { BatchResult } from './crack-worker.js';
import { hmacTarget, type HmacTarget } from './hmac.js';
import type { CrackResult } from './weak-secret.js';
import type { WordBlock } from './wordlist.js';

export interface CrackOptions {
  /** Stop early: the pool winds down and resolves with the tries made so far and no match. */
  readonly signal?: AbortSignal;
  /** Called after every finished block with the number of candidates tried so far. */
  readonly onProgress?: (tries: number) => void;
  /** Worker threads; default os.availableParallelism(). */
  readonly workers?: number;
  /** The worker script; default the built one beside this module (tests run the pool from source). */
  readonly workerUrl?: URL;
}

/** The worker script, beside the bundle in dist/ (scripts/build.mjs builds both). */
const WORKER_URL = new URL('./crack-worker.js', import.meta.url);

/** One worker thread, one block at a time. A stopped worker answers null; a crashed one rejects. */
class CrackWorker {
  private readonly worker: Worker;
  private pending: { resolve: (result: BatchResult | null) => void; reject: (error: Error) => void } | null = null;
  private crash: Error | null = null;

  constructor(target: HmacTarget, url: URL) {
    this.worker = new Worker(url, { workerData: target });
    this.worker.on('message', (result: BatchResult) => this.settle(result));
    this.worker.on('error', (error) => {
      this.crash = error;
      this.pending?.reject(error);
      this.pending = null;
    });
    this.worker.on('exit', () => this.settle(null));
  }

  run(block: WordBlock): Promise<BatchResult | null> {
    if (this.crash !== null) return Promise.reject(this.crash);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(block);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(result: BatchResult | null): void {
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(result);
  }
}

/** Blocks off one async iterator, read one at a time however many workers ask. */
function blockReader(blocks: AsyncIterable<WordBlock>): { next: () => Promise<WordBlock | null>; close: () => void } {
  const iterator = blocks[Symbol.asyncIterator]();
  let exhausted = false;
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<WordBlock | null> => {
    if (exhausted) return null;
    const next = await iterator.next();
    if (next.done) exhausted = true;
    return next.done ? null : next.value;
  };
  return {
    next: () => {
      const result = queue.then(read);
      queue = result.catch(() => undefined);
      return result;
    },
    // Let the source release what it holds (a file handle) when the pool stops before its end.
    close: () => {
      if (!exhausted) iterator.return?.().catch(() => undefined);
    },
  };
}

/**
 * Try every line of a wordlist as the secret of an HS* token on a pool of
 * worker threads, a block of lines at a time; all workers stop at the first match. Resolves with
 * the matching candidate (or null) and how many candidates were tried. A
 * token that is not HS* with a signature resolves at once with no tries.
 */
export async function crackSecret(token: DecodedToken, blocks: AsyncIterable<WordBlock>, options: CrackOptions = {}): Promise<CrackResult> {
  const target = hmacTarget(token);
  const { signal, onProgress } = options;
  if (target === null || signal?.aborted) return { match: null, tries: 0 };

  const reader = blockReader(blocks);
  const pool = Array.from({ length: Math.max(1, options.workers ?? availableParallelism()) }, () => new CrackWorker(target, options.workerUrl ?? WORKER_URL));
  let tries = 0;
  let match: string | null = null;
  let stopped: () => void = () => undefined;
  // Settles when the pool stops, so no worker keeps waiting on a slow source (stdin) after a match or an abort.
  const whenStopped = new Promise<null>((resolve) => {
    stopped = () => resolve(null);
  });
  let stopping = false;
  const stopAll = (): void => {
    stopping = true;
    stopped();
    for (const worker of pool) void worker.stop();
  };
  signal?.addEventListener('abort', stopAll, { once: true });

  const drive = async (worker: CrackWorker): Promise<void> => {
    let upcoming = reader.next();
    while (!stopping) {
      const block = await Promise.race([upcoming, whenStopped]);
      if (block === null || stopping) return;
      const running = worker.run(block);
      // Read the next block while the worker hashes this one.
      upcoming = reader.next();
      const result = await running;
      if (result === null) return;
      tries += result.tried;
      onProgress?.(tries);
      if (result.match !== null) {
        match = result.match;
        stopAll();
      }
    }
  };

  try {
    await Promise.all(pool.map(drive));
  } finally {
    signal?.removeEventListener('abort', stopAll);
    stopAll();
    reader.close();
    await Promise.all(pool.map((worker) => worker.stop()));
  }
  return { match, tries };
}
