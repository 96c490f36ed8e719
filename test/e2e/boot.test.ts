import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
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
