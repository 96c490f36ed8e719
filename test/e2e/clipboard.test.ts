import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRun = has('Xvfb') && has('xsel');
// CI installs Xvfb and xsel, so there the round trip runs, and fails without them rather than skip.
const skipRoundTrip = !canRun && !process.env['CI'];

if (skipRoundTrip) {
  console.warn('NOTE: clipboard round trip skipped: Xvfb and xsel are not installed (Debian: apt-get install xvfb xsel; .ci/run does this)');
}

describe('clipboard', () => {
  it('a missing display is a clear input error (exit 3), not a crash', async () => {
    const r = await runBin(['--clipboard'], { env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^jwt-inspect: could not read the clipboard/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  describe.skipIf(skipRoundTrip)('under Xvfb with xsel', () => {
    let xvfb: ChildProcess | undefined;
    let display = '';

    // Only under CI can the tools be missing here: each test then fails, saying why.
    beforeEach(() => {
      if (!canRun) throw new Error('Xvfb and xsel are not installed, and under CI the clipboard round trip must run (apt-get install xvfb xsel)');
    });

    beforeAll(async () => {
      if (!canRun) return;
      const n = [...Array(20).keys()].map((i) => 90 + i).find((i) => !existsSync(`/tmp/.X11-unix/X${i}`) && !existsSync(`/tmp/.X${i}-lock`));
      display = `:${n}`;
      xvfb = spawn('Xvfb', [display, '-nolisten', 'tcp'], { stdio: 'ignore' });
      for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 50));
    });

    afterAll(() => {
      xvfb?.kill();
    });

    const xsel = (args: string[], input?: string) =>
      spawnSync('xsel', args, { env: { ...process.env, DISPLAY: display }, input, encoding: 'utf8', timeout: 5000 });

    it('reads the token from the clipboard', async () => {
      xsel(['--clipboard', '--input'], `Authorization: Bearer ${TOKEN}`);
      const r = await runBin(['--clipboard', '--json', '--now', '1700000000'], { env: { DISPLAY: display } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).token.source).toEqual({ from: 'clipboard', as: 'bearer', name: null, count: 1 });
    });

    it('copies the decoded payload with --copy', async () => {
      const r = await runBin(['--copy', '-q', TOKEN], { env: { DISPLAY: display } });
      expect(r.code).toBe(0);
      expect(JSON.parse(xsel(['--clipboard', '--output']).stdout)).toEqual({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
    });
  });
});
