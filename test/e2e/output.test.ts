import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { hmacToken } from '../helpers/tokens.js';
import { BIN, ROOT } from './run-bin.js';

// stdout and stderr are written with writeSync, and a terminal is told apart without node:tty;
// these run the binary against a real pseudo-terminal, a file, a full device, a socket that
// resets and a non-blocking pipe.
const work = mkdtempSync(join(tmpdir(), 'jwt-inspect-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TOKEN = readFileSync(join(ROOT, 'examples', 'sensitive-token.txt'), 'utf8').trim();
const ESC = '\u001b[';
const env = { PATH: process.env['PATH'] ?? '', HOME: work, TERM: 'xterm-256color' };
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** `script` (util-linux) runs a command on a pseudo-terminal of its own. */
function inTerminal(command: string): string {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 15_000 });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('output on a terminal, a file and a pipe', () => {
  // Under CI a missing tool fails the tests that need it rather than skipping them: a skip would hide a broken CI.
  const runTerminalTests = spawnSync('script', ['--version']).status === 0 || process.env['CI'] !== undefined;
  if (!runTerminalTests) console.warn('NOTE: `script` (util-linux) is missing; the terminal tests are skipped');

  it.runIf(runTerminalTests)('colours text on a terminal, and not in a file written from that terminal', () => {
    const onTerminal = inTerminal(`${shellQuote(process.execPath)} ${shellQuote(BIN)} decode ${TOKEN}`);
    expect(onTerminal).toContain(ESC);
    expect(onTerminal).toContain('jane.doe@example.com');

    const file = join(work, 'decoded.txt');
    inTerminal(`${shellQuote(process.execPath)} ${shellQuote(BIN)} decode ${TOKEN} > ${shellQuote(file)}`);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('jane.doe@example.com');
    expect(written).not.toContain(ESC);
  });

  it.runIf(existsSync('/dev/full'))('says once that output cannot be written, as an input-side error (exit 3), not a bug', () => {
    for (const args of [
      ['decode', TOKEN],
      ['decode', '--json', TOKEN],
      ['scan', '--json', join(ROOT, 'examples')],
      ['scan', '--jsonl', join(ROOT, 'examples')],
    ]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, ...args], { env, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      closeSync(full);
      expect(r.status).toBe(3);
      expect(r.stderr).toBe('jwt-inspect: cannot write to standard output (ENOSPC); check the disk or device it goes to\n');
    }
  });

  it('ends quietly when a reader goes away with output unread (a socket, as Node gives its child processes, resets)', async () => {
    const input = join(work, 'reset.log');
    writeFileSync(
      input,
      `${Array.from({ length: 3000 }, (_, i) => `line ${i} Authorization: Bearer ${hmacToken({ sub: `user-${i}` }, 'output-test-secret-of-32-bytes!!')}`).join('\n')}\n`,
    );
    const child = spawn(process.execPath, [BIN, 'scan', '--jsonl', '--fail-on', 'none', input], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    // Nothing read: what the child wrote is still queued when our end closes, so its next write meets ECONNRESET.
    child.stdout.pause();
    await sleep(300);
    child.stdout.destroy();
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('writes all of a large output to a non-blocking pipe that is read late', async () => {
    // Over 64 KiB of JSON, more than a pipe holds: a non-blocking descriptor answers EAGAIN.
    const input = join(work, 'many.log');
    writeFileSync(input, `${Array.from({ length: 1000 }, (_, i) => `line ${i} Authorization: Bearer ${TOKEN}`).join('\n')}\n`);
    const fifo = join(work, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    // The child's stdio starts blocking; Node's own process.stdout, touched first by a preloaded module,
    // makes the pipe non-blocking, as any earlier user of a shared descriptor can.
    const child = spawn(process.execPath, ['--import', 'data:text/javascript,process.stdout', BIN, 'scan', '--json', input], {
      env,
      stdio: ['ignore', writer, 'pipe'],
    });
    closeSync(writer);
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('close', done));

    await sleep(300);
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(64 * 1024);
    let code: number | null | undefined;
    void exited.then((c) => (code = c));
    for (;;) {
      let read = 0;
      try {
        read = readSync(reader, buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await sleep(5);
        continue;
      }
      if (read === 0 && code !== undefined) break;
      if (read === 0) await sleep(5);
      else chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
    closeSync(reader);

    expect(stderr).toBe('');
    expect(code).toBe(1); // the sample token's findings

    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(64 * 1024);
    const result = JSON.parse(text) as { tokens: { occurrences: number }[] };
    expect(result.tokens[0]?.occurrences).toBe(1000);
  });
});
