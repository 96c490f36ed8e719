import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from './run-bin.js';

const example = (name: string): string => readFileSync(join(ROOT, 'examples', name), 'utf8');
const NOW = ['--now', '2026-01-15T12:05:00Z'];
const SENSITIVE = example('sensitive-token.txt').trim();

describe('jwt-inspect decode (built binary)', () => {
  it('decodes a bare token argument, keeping 64-bit ids', async () => {
    const r = await runBin([...NOW, SENSITIVE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^UNVERIFIED/);
    expect(r.stdout).toContain('"id": 12345678901234567890');
    expect(r.stdout).toMatch(/"password": "hunter2!",\s+◀ critical/);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it.each([
    ['an Authorization header line on stdin', 'authorization-header.txt', 'bearer', null, 1],
    ['a Set-Cookie header on stdin', 'set-cookie.txt', 'cookie', 'session', 1],
    ['an OAuth token response on stdin', 'token-response.json', 'json', 'access_token', 3],
  ])('finds the token in %s', async (_what, file, as, name, count) => {
    const r = await runBin(['--json', ...NOW], { stdin: example(file) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).token.source).toEqual({ from: 'stdin', as, name, count });
  });

  it('reads --file, and - as stdin', async () => {
    const fromFile = await runBin(['decode', '--json', ...NOW, '--file', 'examples/token-response.json', '--pick', 'id_token']);
    expect(JSON.parse(fromFile.stdout).token.source).toEqual({ from: 'file', as: 'json', name: 'id_token', count: 3 });
    expect(fromFile.stderr).toBe('');
    const dash = await runBin(['decode', '--claim', 'sub', '-'], { stdin: `Bearer ${SENSITIVE}` });
    expect(dash.stdout).toBe('jane.doe@example.com\n');
  });

  it('finds a token in a URL fragment and in a bare cookie string', async () => {
    const url = await runBin(['--json', ...NOW, `https://app.example.com/cb#state=x&id_token=${SENSITIVE}`]);
    expect(JSON.parse(url.stdout).token.source).toEqual({ from: 'argument', as: 'url', name: 'id_token', count: 1 });
    const cookie = await runBin(['--json', ...NOW, `theme=dark; jwt=${SENSITIVE}`]);
    expect(JSON.parse(cookie.stdout).token.source).toEqual({ from: 'argument', as: 'cookie', name: 'jwt', count: 1 });
  });

  it('exit 1: a failed check', async () => {
    const r = await runBin(['--max-ttl', '15m', '-q', ...NOW, SENSITIVE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no exp');
  });

  it('exit 2: an unknown option', async () => {
    const r = await runBin(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  // The help is for a person at a terminal; an empty stdin that is not one (CI runs with /dev/null) is
  // an input with no token in it, which is exit 3, not the help.
  it('nothing given on an empty stdin that is not a terminal: exit 3 (no token), not the help', async () => {
    const r = await runBin([]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^jwt-inspect: no JWT found in the input/);
    expect(r.stderr).not.toContain('Usage:');
  });

  // `script` (util-linux) runs the binary on a real terminal. CI must have it (the test fails there without it);
  // elsewhere the test is skipped with a note.
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasScript && !process.env['CI']) console.warn('NOTE: `script` (util-linux) is missing, so the help-on-a-terminal test is skipped');

  it.runIf(hasScript || process.env['CI'])('nothing given on a terminal: the help on stderr, exit 2', () => {
    const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
    // The terminal carries stdout and stderr alike, so `echo` appends the exit code to what we read.
    const r = spawnSync('script', ['-qec', `${quote(process.execPath)} ${quote(BIN)}; echo "exit $?"`, '/dev/null'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/^Usage: jwt-inspect decode \[options\] \[token\]/);
    expect(r.stdout.trimEnd()).toMatch(/\nexit 2$/);
  });

  it('exit 3: no token in the input, in one line without a stack trace', async () => {
    const r = await runBin([], { stdin: 'hello world\n' });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const debug = await runBin(['--debug'], { stdin: 'hello world\n' });
    expect(debug.stderr).toMatch(/\bat .*src\/token\/extract\.ts:\d+/);
  });

  it('exit 3: an unreadable file', async () => {
    const r = await runBin(['--file', 'no/such/file']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot read no/such/file (ENOENT)');
  });

  it('prints --version and --help', async () => {
    expect((await runBin(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
  });
});
