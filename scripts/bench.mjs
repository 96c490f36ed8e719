#!/usr/bin/env node
// npm run bench: whole-process timings of jwt-inspect against `node -e 0`, measured in the same
// run and alternated so that machine noise hits both alike, then the throughput targets.
// Generates its own data in a temp dir. Prints Markdown; `npm run bench -- --write` saves BENCHMARKS.md,
// `-- --startup-only` leaves out the throughput targets.
//   BENCH_RUNS (start-up runs per command, default 30), BENCH_THROUGHPUT_RUNS (default 5), BENCH_SCAN_MB (default 200)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyFixtures } from './bench/fixtures.mjs';
import { median, timeOnce } from './bench/process.mjs';
import { startupCases } from './bench/startup-cases.mjs';
import { throughput } from './bench/throughput.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'jwt-inspect.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
/** @param {number} ms */
const fmt = (ms) => ms.toFixed(1);

/**
 * Each run of a case follows a run of `node -e 0`; the ratio is the median of
 * those paired ratios, so that a burst of machine noise slows both runs of a
 * pair rather than whichever command it happens to fall on.
 * @param {import('./bench/startup-cases.mjs').StartupCase[]} cases
 */
function startup(cases) {
  /** @type {number[]} */
  const baseline = [];
  const samples = cases.map((c) => ({ c, times: /** @type {number[]} */ ([]), ratios: /** @type {number[]} */ ([]) }));
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const { c, times, ratios } of samples) {
      const b = timeOnce(['-e', '0']);
      const t = timeOnce([bin, ...c.args]);
      if (i >= WARMUP) {
        baseline.push(b);
        times.push(t);
        ratios.push(t / b);
      }
    }
  }
  const base = median(baseline);
  const rows = samples.map(({ c, times, ratios }) => {
    const ratio = median(ratios);
    return `| ${c.name} | ${fmt(median(times))} | ${fmt(Math.min(...times))}–${fmt(Math.max(...times))} | **${ratio.toFixed(2)}x** | ${c.target} | ${ratio <= c.targetRatio ? 'ok' : 'MISSED'} |`;
  });
  return [
    `Baseline \`node -e 0\`: median ${fmt(base)} ms (${fmt(Math.min(...baseline))}–${fmt(Math.max(...baseline))}), ${baseline.length} runs, each just before a run of a command.`,
    'The ratio is the median, over the runs of a command, of its time over the time of the baseline run before it.',
    '',
    '| command | median ms | min–max ms | ratio | target | |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'jwt-inspect-bench-'));
const sections = [];
try {
  const fixtures = keyFixtures(work);
  sections.push('## Start-up', '', startup(startupCases(root, fixtures)));
  const runs = Number(process.env.BENCH_THROUGHPUT_RUNS ?? 5);
  const scanMb = Number(process.env.BENCH_SCAN_MB ?? 200);
  if (!process.argv.includes('--startup-only'))
    sections.push('', '## Throughput', '', `${runs} runs each after a warm-up run.`, '', await throughput({ work, bin, runs, scanMb, fixtures }));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const report = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  `Whole-process wall times; ${RUNS} start-up runs per command after ${WARMUP} warm-up runs.`,
  '',
  ...sections,
  '',
].join('\n');
process.stdout.write(report);
if (process.argv.includes('--write')) writeFileSync(join(root, 'BENCHMARKS.md'), report);
