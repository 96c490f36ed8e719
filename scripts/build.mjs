#!/usr/bin/env node
// npm run build: one CommonJS bundle for the CLI (compiled through V8's code cache at start-up),
// an ESM worker for the secret cracker, and the boot loader; then training runs make the code caches.
// Bundling and the cache are measured choices: see BENCHMARKS.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyChildProcess } from './build/lazy-child-process.mjs';
import { lazyBuiltins } from './build/lazy-builtins.mjs';
import { trainingRuns } from './build/training-runs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Built beside dist/ and swapped in at the end, so a failed build leaves the last good one.
const dist = join(root, 'dist.next');
rmSync(dist, { recursive: true, force: true });

// Minified: a smaller bundle and code cache read faster at every start; --debug maps stacks back to src/.
/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
await build({
  ...common,
  entryPoints: { 'jwt-inspect': 'src/entry.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: dist,
  format: 'cjs',
  plugins: [lazyChildProcess, lazyBuiltins],
  // Required only for --clipboard/--copy, from node_modules (see process-io.ts).
  external: ['clipboardy'],
  // Code compiled through node:vm cannot use import(); lazy imports become lazy requires.
  supported: { 'dynamic-import': false },
  // The worker sits beside the bundle; CommonJS has no import.meta, so the bundle's own URL stands in.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: { 'crack-worker': 'src/audit/secrets/crack-worker.ts' }, outdir: dist, format: 'esm' });
await build({ ...common, entryPoints: { boot: 'src/io/boot.ts' }, outExtension: { '.js': '.cjs' }, outdir: dist, format: 'cjs', sourcemap: false });

const bundled = readFileSync(join(dist, 'jwt-inspect.cjs'), 'utf8');
if (/[^\w.$]import\(/.test(bundled)) throw new Error('dist/jwt-inspect.cjs calls import(), which fails under node:vm; make that import a bundled one');
// boot.ts reads the bundle as latin1, which is faster than decoding UTF-8. esbuild escapes every
// non-ASCII character in code, so what is left sits in comments; each UTF-16 unit becomes one '?',
// so the source map's columns still fit.
writeFileSync(join(dist, 'jwt-inspect.cjs'), bundled.replace(/[^\0-\x7f]/g, '?'));

/** @type {{ CACHE_NAMES: readonly string[] }} */
const { CACHE_NAMES } = createRequire(import.meta.url)(join(dist, 'boot.cjs'));
const work = mkdtempSync(join(tmpdir(), 'jwt-inspect-build-'));
try {
  const runs = trainingRuns(root, work);
  for (const name of CACHE_NAMES) {
    const trained = spawnSync(process.execPath, [join(root, 'scripts', 'build', 'train.mjs'), dist, name, JSON.stringify(runs[name])], { stdio: 'inherit' });
    if (trained.status !== 0) throw new Error(`training the ${name} code cache failed (exit ${trained.status})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(dist, join(root, 'dist'));
