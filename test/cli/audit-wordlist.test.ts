import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crackWithWordlist } from '../../src/cli/commands/audit-wordlist.js';
import { newCli, type GlobalOptions } from '../../src/cli/context.js';
import { PLAIN_THEME } from '../../src/render/theme.js';
import { decodeToken } from '../../src/token/decode.js';
import { fakeIo, type FakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { hmacToken } from '../helpers/tokens.js';

/** A worker thread cannot load TypeScript: the pool runs the built worker (`npm test` builds first). */
const WORKER = new URL('../../dist/crack-worker.js', import.meta.url);
if (!existsSync(WORKER)) throw new Error('dist/crack-worker.js is missing: run `npm run build` first (npm test does)');

const SECRET = 'correct horse battery staple';
const TOKEN = decodeToken(hmacToken({ sub: 'u1' }, SECRET));
const G: GlobalOptions = { json: false, color: undefined, now: 1_700_000_000, leeway: 0, quiet: false, debug: false, theme: PLAIN_THEME };

const words = (count: number): string => Array.from({ length: count }, (_, i) => `candidate-${i}`).join('\n');

function crack(io: FakeIo, path: string, options: { showValues?: boolean; g?: GlobalOptions } = {}) {
  return crackWithWordlist(newCli(io), options.g ?? G, TOKEN, path, options.showValues ?? false, { workerUrl: WORKER, workers: 2 });
}

const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-wordlist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crackWithWordlist', () => {
  const files: FakeIoOptions['files'] = { 'words.txt': `${words(20_000)}\r\n${SECRET}\r\n${words(10)}\r\n` };

  it('finds the secret and says after how many tries, masked unless values are shown', async () => {
    const found = await crack(fakeIo({ files }), 'words.txt');
    expect(found).toMatchObject({ interrupted: false, finding: { id: 'weak-secret', severity: 'critical', evidence: 'c************e (28 chars)' } });
    expect(found.finding?.note).toMatch(/^found in wordlist words\.txt after \d+ tries$/);
    expect((await crack(fakeIo({ files }), 'words.txt', { showValues: true })).finding?.evidence).toBe(SECRET);
  });

  it('tries every line when none matches', async () => {
    expect(await crack(fakeIo({ files: { 'w.txt': words(5_000) } }), 'w.txt')).toEqual({ finding: null, tries: 5_000, interrupted: false });
  });

  it('draws a progress line on a terminal stderr only, and clears it at the end', async () => {
    const tty = fakeIo({ files, stderrIsTTY: true });
    await crack(tty, 'words.txt');
    expect(tty.err()).toMatch(/^\rweak-secret: [\d,]+ candidates tried\u001b\[K/);
    expect(tty.err().endsWith('\r\u001b[K')).toBe(true);
    const pipe = fakeIo({ files });
    await crack(pipe, 'words.txt');
    expect(pipe.err()).toBe('');
    const quiet = fakeIo({ files, stderrIsTTY: true });
    await crack(quiet, 'words.txt', { g: { ...G, quiet: true } });
    expect(quiet.err()).toBe('');
  });

  it('stops on Ctrl-C with what it tried so far', async () => {
    const io = fakeIo({ files: { 'w.txt': words(200_000) }, stderrIsTTY: true });
    // Press Ctrl-C as soon as the first progress line shows.
    const pressed: FakeIo = { ...io, stderr: { ...io.stderr, write: (s) => (io.stderr.write(s), s.includes('candidates') && io.interrupt()) } };
    const stopped = await crack(pressed, 'w.txt');
    expect(stopped.interrupted).toBe(true);
    expect(stopped.finding).toBeNull();
    expect(stopped.tries).toBeLessThan(200_000);
  });

  it('skips a multi-megabyte single line without holding it, and goes on to the next', async () => {
    const path = join(dir, 'one-long-line.txt');
    writeFileSync(path, `${'x'.repeat(8 * 1024 * 1024)}\n${SECRET}\n`);
    expect(await crack(fakeIo(), path)).toMatchObject({ tries: 1, interrupted: false, finding: { id: 'weak-secret' } });
  });
});
