import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { routeOf, type ArgvRoute } from '../argv-route.js';
import type { Io } from './io.js';

/**
 * Start-up without the compile step: the bundle is compiled with V8's code
 * cache, made at build time by a training run of the common commands (Node 20
 * has no module compile cache). A cache from another Node build is rejected
 * by V8 and the bundle is compiled as usual.
 */

/** What the bundle exports: the program and the real Io. */
export interface BundleExports {
  readonly main: (argv: readonly string[], io: Io) => Promise<number>;
  readonly createProcessIo: () => Io;
}

/** The bundle compiled through a code cache. */
export interface Bundle extends BundleExports {
  /** The code cache for what has run so far (for the build's training run). */
  readonly codeCache: () => Buffer;
  /** Whether V8 refused the code cache (made by another Node build, or for other source); undefined without one. */
  readonly cacheRejected: boolean | undefined;
}

// scripts/build.mjs bundles this file as CommonJS into dist/boot.cjs, beside the bundle it loads.
const BUNDLE = join(__dirname, 'jwt-inspect.cjs');

/**
 * One code cache per kind of run, each trained on its own commands: V8 reads
 * all of a cache at start-up, so decode should not pay for verify's jose and
 * key code, nor verify for audit and help.
 */
export const CACHE_NAMES = ['default', 'verify'] as const;
export type CacheName = (typeof CACHE_NAMES)[number];

export function codeCacheFile(name: CacheName): string {
  return name === 'default' ? `${BUNDLE}.cache` : `${BUNDLE}.${name}.cache`;
}

/** The cache for this run; a wrong guess only makes start-up slower. */
function cacheFor(route: ArgvRoute): CacheName {
  return route.commands?.[0] === 'verify' ? 'verify' : 'default';
}

function readCache(name: CacheName): Buffer | undefined {
  try {
    return readFileSync(codeCacheFile(name));
  } catch {
    return undefined;
  }
}

/** The bundle, compiled with the named code cache, or without one (the build's training runs). */
export function loadBundle(cache: CacheName | null): Bundle {
  // The build leaves the bundle pure ASCII, so latin1 reads it as UTF-8 would, only faster.
  const source = readFileSync(BUNDLE, 'latin1');
  const cachedData = cache === null ? undefined : readCache(cache);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as BundleExports };
  // boot.cjs sits beside the bundle, so its own require resolves as the bundle's would, without loading node:module.
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, BUNDLE, __dirname);
  return { ...module.exports, codeCache: () => script.createCachedData(), cacheRejected: script.cachedDataRejected };
}

/**
 * libuv's thread pool, where a scan's signature checks run, starts with four
 * threads on first use; on a machine of few cores they take turns with the
 * one JavaScript thread that feeds them all (14% fewer verifications/s on 2
 * cores). A scan gets one per core that thread leaves, unless the user chose.
 */
function sizeThreadPool(route: ArgvRoute): void {
  if (route.commands?.[0] !== 'scan' || process.env['UV_THREADPOOL_SIZE'] !== undefined) return;
  const { availableParallelism } = require('node:os') as typeof import('node:os');
  process.env['UV_THREADPOOL_SIZE'] = String(Math.max(1, availableParallelism() - 1));
}

/** Run jwt-inspect as the `jwt-inspect` binary: argv in, exit code out. */
export async function run(argv: readonly string[]): Promise<void> {
  const route = routeOf(argv);
  sizeThreadPool(route);
  const bundle = route.debug ? loadForDebugging() : loadBundle(cacheFor(route));
  process.exitCode = await bundle.main(argv, bundle.createProcessIo());
}

/** --debug: stack traces that point into src/, through the bundle's source map (slower to start). */
function loadForDebugging(): BundleExports {
  process.setSourceMapsEnabled(true);
  return require(BUNDLE) as BundleExports;
}
