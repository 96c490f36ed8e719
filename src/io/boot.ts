import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { Io } from './io.js';

/**
 * Start-up without the compile step: the bundle is compiled with V8's code
 * cache, made at build time by a training run of the common commands (Node 20
 * has no module compile cache). A cache from another Node build is rejected
 * by V8 and the bundle is compiled as usual.
 */
export interface Bundle {
  readonly main: (argv: readonly string[], io: Io) => Promise<number>;
  readonly createProcessIo: () => Io;
  /** The code cache for what has run so far (for the build's training run). */
  readonly codeCache: () => Buffer;
}

// scripts/build.mjs bundles this file as CommonJS into dist/boot.cjs, beside the bundle it loads.
const BUNDLE = join(__dirname, 'jwt-inspect.cjs');
export const CODE_CACHE = `${BUNDLE}.cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}

export function loadBundle(useCache = true): Bundle {
  const source = readFileSync(BUNDLE, 'utf8');
  const cachedData = useCache ? readCache() : undefined;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as Omit<Bundle, 'codeCache'> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
  return { ...module.exports, codeCache: () => script.createCachedData() };
}

/** Run jwt-inspect as the `jwt-inspect` binary: argv in, exit code out. */
export async function run(argv: readonly string[]): Promise<void> {
  const bundle = argv.includes('--debug') ? loadForDebugging() : loadBundle();
  process.exitCode = await bundle.main(argv, bundle.createProcessIo());
}

/** --debug: stack traces that point into src/, through the bundle's source map (slower to start). */
function loadForDebugging(): Omit<Bundle, 'codeCache'> {
  process.setSourceMapsEnabled(true);
  return createRequire(BUNDLE)(BUNDLE) as Omit<Bundle, 'codeCache'>;
}
