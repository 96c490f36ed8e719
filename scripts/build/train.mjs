// node train.mjs <dist> <cache name> <runs as JSON>: runs the commands through the built bundle and
// saves the code cache of what they compiled. A process of its own per cache, because V8 hands a
// second compile of the same source the functions the first one compiled, and their cache with them.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [dist, name, runs] = process.argv.slice(2);
if (dist === undefined || name === undefined || runs === undefined) throw new Error('usage: node train.mjs <dist> <cache name> <runs as JSON>');
const { loadBundle, codeCacheFile } = createRequire(import.meta.url)(join(dist, 'boot.cjs'));
const bundle = loadBundle(null);
for (const argv of JSON.parse(runs)) await bundle.main(argv, quietIo(bundle.createProcessIo()));
writeFileSync(codeCacheFile(name), bundle.codeCache());

/**
 * The real Io with output thrown away: the training runs only need to execute.
 * @param {import('../../src/io/io.js').Io} io
 * @returns {import('../../src/io/io.js').Io}
 */
function quietIo(io) {
  const sink = { write: () => undefined, isTTY: false, columns: undefined, closed: false };
  return { ...io, stdout: sink, stderr: sink, stdin: { ...io.stdin, isTTY: true } };
}
