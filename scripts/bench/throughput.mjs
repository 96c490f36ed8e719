// The throughput targets: scan MB/s and memory, batch verification, weak-secret candidates.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { NOW, writeRsaTokenLog, writeWordlist } from './fixtures.mjs';
import { measure, median } from './process.mjs';
import { writeScanLog } from './scan-log.mjs';

/** @type {(what: string, value: string, target: string, ok: boolean) => string} */
const row = (what, value, target, ok) => `| ${what} | ${value} | ${target} | ${ok ? 'ok' : 'MISSED'} |`;

/**
 * @param {string[]} args
 * @param {number} count
 */
async function runs(args, count) {
  await measure(args);
  const results = [];
  for (let i = 0; i < count; i++) results.push(await measure(args));
  return results;
}

/**
 * @param {{ work: string, bin: string, runs: number, scanMb: number, fixtures: import('./fixtures.mjs').KeyFixtures }} options
 */
export async function throughput({ work, bin, runs: count, scanMb, fixtures }) {
  const rows = ['| what | measured (median of runs; worst RSS) | target | |', '|---|---|---|---|'];

  const log = join(work, 'app.log');
  writeScanLog(log, scanMb * 1e6);
  const mb = statSync(log).size / 1e6;
  const scans = await runs([bin, 'scan', log, '--json', '--now', String(NOW)], count);
  const rate = median(scans.map((r) => mb / r.seconds));
  const rss = Math.max(...scans.map((r) => r.rssMiB));
  rows.push(row(`\`scan\` of a ${mb.toFixed(0)} MB log, a token on ~1 line in 1,000`, `**${rate.toFixed(0)} MB/s**`, '≥ 500 MB/s', rate >= 500));
  rows.push(row('peak RSS of that scan', `**${rss.toFixed(0)} MiB**`, '≤ 100 MiB', rss <= 100));

  const tokens = join(work, 'rs256.log');
  const count10k = 10_000;
  writeRsaTokenLog(tokens, fixtures.rsaPrivate, count10k);
  const verifies = await runs([bin, 'scan', tokens, '--key', fixtures.rsaPem, '--json', '--now', String(NOW)], count);
  const perSecond = median(verifies.map((r) => count10k / r.seconds));
  rows.push(
    row(
      '`scan --key` over 10,000 RS256 tokens (whole process)',
      `**${Math.round(perSecond).toLocaleString('en')} verifications/s**`,
      '≥ 15,000/s',
      perSecond >= 15_000,
    ),
  );

  const wordlist = join(work, 'words.txt');
  const million = 1_000_000;
  const token = await writeWordlist(wordlist, million);
  const cracks = await runs([bin, 'audit', '--wordlist', wordlist, '--fail-on', 'none', '--now', String(NOW), token], count);
  const candidates = median(cracks.map((r) => million / r.seconds));
  rows.push(
    row(
      '`audit --wordlist` of 1,000,000 candidates, HS256 (whole process)',
      `**${Math.round(candidates).toLocaleString('en')} candidates/s**`,
      '≥ 500,000/s',
      candidates >= 500_000,
    ),
  );
  return rows.join('\n');
}
