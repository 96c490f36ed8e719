/**
 * A crack-pool worker thread: splits blocks of wordlist lines and tests each
 * line against one HMAC target, answering how many it tried and which matched.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { secretTester, type HmacTarget } from './hmac.js';
import { candidatesIn, type WordBlock } from './wordlist.js';

export interface BatchResult {
  readonly tried: number;
  readonly match: string | null;
}

const port = parentPort;
if (port !== null) {
  const test = secretTester(workerData as HmacTarget);
  const utf8 = new TextDecoder();
  port.on('message', (block: WordBlock) => {
    let tried = 0;
    for (const candidate of candidatesIn(block)) {
      tried++;
      if (test(candidate)) {
        port.postMessage({ tried, match: utf8.decode(candidate) } satisfies BatchResult);
        return;
      }
    }
    port.postMessage({ tried, match: null } satisfies BatchResult);
  });
}
