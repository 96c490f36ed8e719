import { execFileSync, spawn } from 'node:child_process';
import { constants, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hmacToken } from '../helpers/tokens.js';
import { keyPath, keyText } from '../verify/helpers/fixtures.js';
import { BIN, runBin } from './run-bin.js';

const NOW = ['--now', '1700000000'];
const SECRET = 'correct horse battery staple';
const CLAIMS = { iss: 'https://idp.example.com', sub: 'u1', aud: 'api', iat: 1_699_999_900, exp: 1_700_000_500, jti: 'j1' };
const HS = hmacToken(CLAIMS, SECRET);
const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };

const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-e2e-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `candidate-${from + i}`).join('\r\n');

/** Poll until the condition holds, or fail after a few seconds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !condition();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('jwt-inspect audit (built binary)', () => {
  it('cracks the secret near the end of a 200,000-line wordlist, masked, and exits 1', async () => {
    const list = join(dir, 'words.txt');
    writeFileSync(list, `${words(0, 199_990)}\r\n${SECRET}\r\n${words(199_990, 10)}\r\n`);
    const r = await runBin(['audit', ...NOW, '--wordlist', list, HS], { timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('CRITICAL Weak HMAC secret (dictionary) [weak-secret]');
    expect(r.stdout).toContain('signature: c************e (28 chars)');
    expect(r.stdout).toMatch(/found in wordlist .*words\.txt after \d+ tries/);
    expect(r.stdout).not.toContain(SECRET);
  });

  it('on Ctrl-C, stops the wordlist, prints the findings so far, says so, and exits 130', async () => {
    const fifo = join(dir, 'words.fifo');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'audit', ...NOW, '--wordlist', fifo, HS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // If the binary ends without opening the FIFO, a reader of our own unblocks the open below.
    void exited.then(() => closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK)));
    // Opening a FIFO to write waits for its reader: the binary opens it once its Ctrl-C handler is set.
    const writer = await open(fifo, 'w');
    await writer.write(words(0, 10_000));
    child.kill('SIGINT');
    await until(() => stderr.includes('interrupted'), 'the interrupted note');
    // Like a generator killed by the same Ctrl-C, the writer goes away.
    await writer.close();
    expect(await exited).toBe(130);
    expect(stdout).toContain('PASS: nothing at high or above');
    expect(stderr).toMatch(
      /^jwt-inspect: interrupted: the wordlist .*words\.fifo was not finished \(\d+ candidates tried\); the findings above are those found so far\n$/,
    );
  });

  it('finds algorithm confusion with --key', async () => {
    const forged = hmacToken({ ...CLAIMS, sub: 'admin' }, keyText('rsa.pub.pem'));
    const r = await runBin(['audit', '--json', ...NOW, '--key', keyPath('rsa.pub.pem'), forged]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ id: 'alg-confusion', severity: 'critical' });
  });

  it('reports input that is no token with the input rules, and exits 3', async () => {
    const r = await runBin(['audit', '--json', 'abc.def']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'ERR_MALFORMED_TOKEN' }, findings: [{ id: 'not-compact', evidence: '2 parts' }] });
    expect(r.stderr).toBe('jwt-inspect: a compact token has 3 parts (JWS) or 5 (JWE) separated by dots; this one has 2\n');
  });
});
