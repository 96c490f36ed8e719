import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The worker runs in its own process, built from source the way the product is. */
const WORKER = join(mkdtempSync(join(tmpdir(), 'jwt-inspect-redos-')), 'adversarial-worker.mjs');
buildSync({
  entryPoints: [fileURLToPath(new URL('./adversarial-worker.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: WORKER,
  logLevel: 'error',
});

describe('no catastrophic backtracking', () => {
  it('extraction, decoding, escaping and every audit rule finish on long adversarial strings within the bound', () => {
    // Linear code does all of this in well under a second; quadratic code takes minutes.
    const r = spawnSync(process.execPath, [WORKER, '200000'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('done\n');
  });
});
