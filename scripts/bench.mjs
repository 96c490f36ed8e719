#!/usr/bin/env node
// npm run bench: whole-process timings of jwt-inspect against `node -e 0`, measured in the same
// run and alternated so that machine noise hits both alike. Generates its own data in a temp dir.
// Prints a Markdown report; `npm run bench -- --write` also saves it to BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupCases } from './bench/startup-cases.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'jwt-inspect.cjs');
const work = mkdtempSync(join(tmpdir(), 'jwt-inspect-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

function timeOnce(args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && !options.anyExit) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => ms.toFixed(1);

/** Each case alternates with `node -e 0`; the ratio is median(case) / median(baseline). */
function startup(cases) {
  const baseline = [];
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const c of cases) {
      const b = timeOnce(['-e', '0']);
      const t = timeOnce([bin, ...c.args], { anyExit: c.anyExit });
      if (i >= WARMUP) {
        baseline.push(b);
        samples.get(c.name).push(t);
      }
    }
  }
  const base = median(baseline);
  const rows = cases.map((c) => {
    const xs = samples.get(c.name);
    const ratio = median(xs) / base;
    return `| ${c.name} | ${fmt(median(xs))} | ${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))} | **${ratio.toFixed(2)}x** | ${c.target} | ${ratio <= c.targetRatio ? 'ok' : 'MISSED'} |`;
  });
  return [
    `Baseline \`node -e 0\`: median ${fmt(base)} ms (${fmt(Math.min(...baseline))}–${fmt(Math.max(...baseline))}), ${baseline.length} runs alternated with the commands.`,
    '',
    '| command | median ms | min–max ms | ratio | target | |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const sections = [];
try {
  sections.push('## Start-up', '', startup(startupCases(work, root)));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const report = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${availableParallelism()} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  `Whole-process wall times; ${RUNS} runs per command after ${WARMUP} warm-up runs.`,
  '',
  ...sections,
  '',
].join('\n');
process.stdout.write(report);
if (process.argv.includes('--write')) writeFileSync(join(root, 'BENCHMARKS.md'), report);
