// Whole-process runs of the built binary, with wall time and peak RSS.
import { spawn, spawnSync } from 'node:child_process';

/** Peak RSS is written by a hook preloaded into the measured process itself. */
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxrss=${process.resourceUsage().maxRSS}\\n`))';

/** @param {readonly number[]} xs */
export const median = (xs) => /** @type {number} */ ([...xs].sort((a, b) => a - b)[xs.length >> 1]);

/**
 * Wall-clock milliseconds of one synchronous run; throws unless the exit code is allowed.
 * @param {readonly string[]} args
 * @param {{ exits?: readonly (number | null)[] }} [options]
 * @returns {number}
 */
export function timeOnce(args, { exits = [0] } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!exits.includes(r.status)) throw new Error(`${args.slice(0, 4).join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * One run with seconds and peak RSS (MiB); stdout is thrown away.
 * @param {readonly string[]} args
 * @param {{ exits?: readonly (number | null)[] }} [options]
 * @returns {Promise<{ seconds: number, rssMiB: number, stderr: string }>}
 */
export function measure(args, { exits = [0, 1] } = {}) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /maxrss=(\d+)/.exec(stderr);
      if (!exits.includes(code) || !rss) return fail(new Error(`${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr}`));
      done({ seconds, rssMiB: Number(rss[1]) / 1024, stderr });
    });
  });
}
