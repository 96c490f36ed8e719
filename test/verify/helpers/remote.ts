import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';
import { fakeIo } from '../../helpers/fake-io.js';
import { FIXTURES } from './fixtures.js';

/** A fresh cache folder per test, so that no test sees another's entries; removed by `dispose`. */
export function cacheHome(): { readonly dir: string; readonly dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-cache-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RemoteRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly doc: {
    verification: { valid: boolean; key: { source: string; kid: string | null } | null; error: { code: string; message: string } | null };
  } | null;
}

/**
 * Run `verify --json` in-process, the token's times at the fixture time
 * (--now); `wallClock` is the clock the cache reads, in Unix seconds.
 */
export async function verifyRemote(argv: readonly string[], env: Record<string, string>, wallClock = FIXTURES.now): Promise<RemoteRun> {
  const io = fakeIo({ env, now: wallClock });
  const code = await main(['verify', '--json', '--now', String(FIXTURES.now), ...argv], io);
  const out = io.out();
  const doc = out === '' ? null : (JSON.parse(out) as RemoteRun['doc'] & { error?: unknown });
  return { code, out, err: io.err(), doc: doc !== null && 'verification' in doc ? doc : null };
}
