import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-bin.js';

const BOOT = join(ROOT, 'dist', 'boot.cjs');
const { CACHE_NAMES } = createRequire(import.meta.url)(BOOT) as { CACHE_NAMES: readonly string[] };

describe('the built bundle and its code caches', () => {
  // A refused cache still runs, only slower: nothing else would notice.
  it.each(CACHE_NAMES)('V8 accepts the %s code cache', (name) => {
    const script = `process.stdout.write(String(require(${JSON.stringify(BOOT)}).loadBundle(${JSON.stringify(name)}).cacheRejected))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
  });
});

describe('the thread pool a scan gets', () => {
  const BIN = join(ROOT, 'bin', 'jwt-inspect.cjs');
  // A hook preloaded into the binary's own process reports the variable libuv reads on first use of its pool.
  const REPORT = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\npool=${process.env.UV_THREADPOOL_SIZE}\\n`))';
  const poolOf = (args: string[], env: Record<string, string> = {}): string => {
    const r = spawnSync(process.execPath, ['--import', REPORT, BIN, ...args], { encoding: 'utf8', input: '', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env } });
    return /pool=(\S+)/.exec(r.stderr)?.[1] ?? `no report: ${r.stderr}`;
  };

  it('is one thread per core left over by the JavaScript thread, for a scan only', () => {
    expect(poolOf(['scan', join(ROOT, 'examples')])).toBe(String(Math.max(1, availableParallelism() - 1)));
    expect(poolOf(['--version'])).toBe('undefined');
  });

  it('is what the user chose, when they chose', () => {
    expect(poolOf(['scan', join(ROOT, 'examples')], { UV_THREADPOOL_SIZE: '3' })).toBe('3');
  });
});
