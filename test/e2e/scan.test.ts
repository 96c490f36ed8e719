import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jws } from '../helpers/tokens.js';
import { BIN, ROOT, runBin } from './run-bin.js';

const NOW = ['--now', '1700000000'];
const CALM = jws(
  { alg: 'HS256', typ: 'JWT', kid: 'k1' },
  { iss: 'https://idp.example', sub: 'alice', aud: 'api', iat: 1_699_999_000, exp: 1_700_000_500, jti: 'j1' },
);
const NONE = jws({ alg: 'none' }, { sub: 'admin' }, '');
const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-e2e-scan-'));
  mkdirSync(join(dir, 'repo/.git'), { recursive: true });
  mkdirSync(join(dir, 'repo/config'), { recursive: true });
  writeFileSync(join(dir, 'repo/config/dev.env'), `API_TOKEN=${CALM}\n`);
  writeFileSync(join(dir, 'repo/.git/ORIG_HEAD'), `${NONE}\n`);
  writeFileSync(join(dir, 'repo/logo.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0, 0]), Buffer.from(NONE)]));
  // Many distinct tokens, so that the output outgrows any pipe buffer.
  const lines = Array.from({ length: 20_000 }, (_, i) => `req ${i} Bearer ${jws({ alg: 'none' }, { sub: `user-${i}` }, '')}`);
  writeFileSync(join(dir, 'many.log'), `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jwt-inspect scan (built binary)', () => {
  it('scans a folder: .git and binary files skipped, locations relative to the folder named', async () => {
    const r = await runBin(['scan', ...NOW, 'repo'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 distinct token in 1 file \(\d+ B\), 1 skipped\./);
    expect(r.stdout).toContain('seen at repo/config/dev.env:1:11');
    expect(r.stdout).not.toContain(CALM);
  });

  it('names HAR locations and exits 1 on a finding at --fail-on', async () => {
    const r = await runBin(['scan', '--json', '--now', '2026-01-15T12:05:00Z', 'test/fixtures/scan/session.har'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const fields = JSON.parse(r.stdout).tokens.flatMap((t: { locations: Array<{ field: string }> }) => t.locations.map((l) => l.field));
    expect(fields).toContain('request.headers.authorization');
    expect(fields).toContain('response.content.text');
  });

  it('reads stdin, and exits 3 on a path that does not exist', async () => {
    const piped = await runBin(['scan', '--jsonl', ...NOW], { stdin: `Authorization: Bearer ${CALM}\n` });
    expect(JSON.parse(piped.stdout).locations).toEqual([{ file: '-', line: 1, column: 23 }]);
    const missing = await runBin(['scan', ...NOW, 'no-such.log']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^jwt-inspect: cannot read no-such.log \(ENOENT\)/);
  });

  it('verifies each token with a key option', async () => {
    const rs256 = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/keys/tokens.json'), 'utf8')).tokens.RS256;
    const r = await runBin(['scan', '--json', '--fail-on', 'none', ...NOW, '--jwks', 'test/fixtures/keys/jwks.json'], { stdin: `Bearer ${rs256}\n` });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.verification).toEqual({ valid: 1, invalid: 0, unverifiable: 0 });
    expect(doc.tokens[0].verification.key).toMatchObject({ source: 'jwks', kid: 'rsa-1' });
  });

  it('writes the --json document of many tokens whole, through a pipe', async () => {
    const r = await runBin(['scan', '--json', '--fail-on', 'none', ...NOW, 'many.log'], { cwd: dir, timeoutMs: 30_000 });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.tokens).toBe(20_000);
    expect(doc.tokens.map((t: { payload: { sub: string } }) => t.payload.sub).slice(-2)).toEqual(['user-19998', 'user-19999']);
  });

  it('ends quietly with exit 0 under `| head -1`', async () => {
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" scan --jsonl ${NOW.join(' ')} many.log | head -1 > first.jsonl; echo "status=$?"`;
    const r = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      // --norc: bash would read ~/.bashrc, taking the socket pair on stdin for a remote shell.
      const child = spawn('bash', ['--norc', '-c', script], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('error', reject);
      child.on('close', () => resolve({ stdout, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('status=0\n');
  });

  it('on Ctrl-C, keeps what it found, says so, and exits 130', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', '--jsonl', ...NOW, '-'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // stdin stays open and silent: the scan is waiting for more when Ctrl-C comes.
    child.stdin.write(`${CALM}\n`);
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d;
        if (stdout.includes('\n')) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(JSON.parse(stdout).header.kid).toBe('k1');
    expect(stderr).toMatch(/^jwt-inspect: interrupted after 1 files; the 1 tokens found so far are above\n$/);
  });
});
