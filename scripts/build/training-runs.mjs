import { join } from 'node:path';
import { readFileSync } from 'node:fs';

/** The commands whose start-up matters most; what they compile goes into the code cache. */
export function trainingRuns(root) {
  const token = readFileSync(join(root, 'examples', 'sensitive-token.txt'), 'utf8').trim();
  return [
    ['decode', '--now', '1768478700', token],
    ['decode', '--json', '--now', '1768478700', token],
    ['audit', '--now', '1768478700', token],
    ['--help'],
    ['decode', '--help'],
  ];
}
