import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/jwt-inspect.cjs', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BinResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BinOptions {
  /** Bytes for stdin; without it stdin is /dev/null-like (closed, not a terminal). */
  readonly stdin?: string | Uint8Array;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Close our end of stdout once this many lines have come, as `| head -n N` does. */
  readonly stdoutLines?: number;
  /** Drive the running child (write to its stdin, send it a signal); stdin is then left open for it to end. */
  readonly drive?: (child: ChildProcessWithoutNullStreams, stdout: () => string) => void;
}

if (!existsSync(fileURLToPath(new URL('../../dist/jwt-inspect.cjs', import.meta.url)))) {
  throw new Error('dist/ is missing: run `npm run build` (npm test does) before the end-to-end tests');
}

/** Run the built binary as a user would, with colours off and no inherited clipboard display. */
export function runBin(args: readonly string[], options: BinOptions = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...options.env };
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (options.stdoutLines !== undefined && stdout.split('\n').length > options.stdoutLines) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    if (options.drive) options.drive(child, () => stdout);
    else child.stdin.end(options.stdin ?? '');
  });
}
