import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../e2e/run-bin.js';
import { hmacToken, jws } from '../helpers/tokens.js';
import { keyText } from '../verify/helpers/fixtures.js';
import { NOW } from './hostile-shapes.js';

/**
 * `| head -1`: the reader goes away after one line, and the command ends
 * quietly, with the exit code its result gives and nothing on stderr.
 * Ctrl-C during a long scan or wordlist run: exit 130 after printing what it found.
 * Each output here is far larger than a pipe's buffer, so the writer does
 * meet the closed pipe (EPIPE).
 */
const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-pipes-'));
const MANY_KEYS = join(dir, 'many-keys.json');
beforeAll(() => {
  const key = (JSON.parse(keyText('jwks.json')) as { keys: Array<Record<string, unknown>> }).keys[0]!;
  writeFileSync(MANY_KEYS, JSON.stringify({ keys: Array.from({ length: 5000 }, (_, i) => ({ ...key, kid: `key-${i}` })) }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIG_TOKEN = jws({ alg: 'HS256', typ: 'JWT' }, Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`claim${i}`, `value ${i}`])));
const SMALL_TOKEN = jws({ alg: 'HS256', typ: 'JWT' }, { sub: '42' });
const MANY_TOKENS = Array.from({ length: 3000 }, (_, i) => `line ${i}: Bearer ${hmacToken({ sub: `user-${i}` }, 'pipe-test-secret-of-32-bytes-len')}`).join(
  '\n',
);

describe('| head -1 ends quietly', () => {
  it.concurrent.each([
    ['decode', ['decode', ...NOW], BIG_TOKEN, 0],
    ['audit --json', ['audit', '--json', '--fail-on', 'none', ...NOW], BIG_TOKEN, 0],
    ['scan', ['scan', '--fail-on', 'none', ...NOW], MANY_TOKENS, 0],
    ['scan --jsonl', ['scan', '--jsonl', '--fail-on', 'none', ...NOW], MANY_TOKENS, 0],
    ['jwks', ['jwks', '--fail-on', 'none', ...NOW, MANY_KEYS], '', 0],
    // diff exits 1 when the tokens differ, as diff(1) does, pipe or not.
    ['diff', ['diff', ...NOW, SMALL_TOKEN, '-'], BIG_TOKEN, 1],
  ] as const)('%s', async (_name, args, stdin, code) => {
    const r = await runBin(args, { stdin, stdoutLines: 1, timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(code);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});

describe('Ctrl-C', () => {
  it('during a long scan: exit 130 after printing the tokens found so far', async () => {
    const first = hmacToken({ sub: 'before-ctrl-c' }, 'pipe-test-secret-of-32-bytes-len');
    const r = await runBin(['scan', '--jsonl', ...NOW], {
      timeoutMs: 10_000,
      drive: (child, stdout) => {
        // stdin stays open, as a log being followed does; the signal comes once the first token is out.
        child.stdin.write(`Authorization: Bearer ${first}\n`);
        const waiting = setInterval(() => {
          if (!stdout().includes('\n')) return;
          clearInterval(waiting);
          child.kill('SIGINT');
        }, 20);
      },
    });
    expect(r.code).toBe(130);
    expect(JSON.parse(r.stdout.split('\n')[0]!).payload).toEqual({ sub: 'before-ctrl-c' });
    expect(r.stderr).toMatch(/^jwt-inspect: interrupted after 1 files; the 1 tokens found so far are above$/m);
  });

  it('during audit --wordlist: exit 130 after printing the findings so far', async () => {
    const wordlist = join(dir, 'endless-wordlist');
    execFileSync('mkfifo', [wordlist]);
    const r = await runBin(['audit', ...NOW, '--wordlist', wordlist, hmacToken({ sub: 'x' }, 'in-no-wordlist-at-all-7c1d')], {
      timeoutMs: 10_000,
      drive: (child) => {
        child.stdin.end();
        // A FIFO held open is a wordlist that never ends; opening it to write waits until audit has opened it to read.
        const words = createWriteStream(wordlist);
        const interrupt = (): void => {
          child.kill('SIGINT');
          // Ctrl-C reaches the whole foreground group, the generator of the words too, whose end unblocks the pending read.
          setTimeout(() => words.end(), 200);
        };
        words.on('open', () => words.write('password\nletmein\n', () => setTimeout(interrupt, 300)));
      },
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/^Audit JWS HS256/);
    expect(r.stdout).toContain('[no-expiry]');
    expect(r.stderr).toMatch(/^jwt-inspect: interrupted: the wordlist .* was not finished/m);
  });
});
