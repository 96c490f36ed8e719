/**
 * fast-check settings: a fixed seed and a bounded number of runs in `npm test`;
 * `npm run fuzz` sets FUZZ_RUNS for a long run (and a fresh seed unless FUZZ_SEED is set).
 */
export function fuzzSettings(runs: number): { seed: number; numRuns: number } {
  const long = process.env['FUZZ_RUNS'];
  if (long === undefined) return { seed: 20260115, numRuns: runs };
  return { seed: Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31), numRuns: Number(long) };
}
