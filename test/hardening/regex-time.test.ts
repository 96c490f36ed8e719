import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WORKER = fileURLToPath(new URL('./adversarial-worker.mjs', import.meta.url));

describe('no catastrophic backtracking', () => {
  it('extraction, decoding, escaping and every audit rule finish on long adversarial strings within the bound', () => {
    // Linear code does all of this in well under a second; quadratic code takes minutes.
    const r = spawnSync(process.execPath, [WORKER, '200000'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('done\n');
  });
});
