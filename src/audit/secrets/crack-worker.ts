/**
 * A crack-pool worker thread: tests batches of candidate secrets against one
 * HMAC target and answers how many it tried and which one matched.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { secretTester, type HmacTarget } from './hmac.js';

export interface BatchResult {
  readonly tried: number;
  readonly match: string | null;
}

const port = parentPort;
if (port !== null) {
  const test = secretTester(workerData as HmacTarget);
  port.on('message', (batch: readonly string[]) => {
    let tried = 0;
    for (const candidate of batch) {
      tried++;
      if (test(candidate)) {
        port.postMessage({ tried, match: candidate } satisfies BatchResult);
        return;
      }
    }
    port.postMessage({ tried, match: null } satisfies BatchResult);
  });
}
