import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The start-up cases of issue 7's table, with their targets as ratios to `node -e 0`. */
export function startupCases(work, root) {
  const token = readFileSync(join(root, 'examples', 'sensitive-token.txt'), 'utf8').trim();
  return [
    { name: '`decode <token>`', args: ['decode', token], target: '≤ 1.3x', targetRatio: 1.3 },
    { name: '`decode --json <token>`', args: ['decode', '--json', token], target: '≤ 1.3x', targetRatio: 1.3 },
    { name: '`--help`', args: ['--help'], target: '≤ 1.3x', targetRatio: 1.3 },
    { name: '`--version`', args: ['--version'], target: '≤ 1.3x', targetRatio: 1.3 },
  ];
}
