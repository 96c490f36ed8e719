import type { Finding } from '../../audit/rule.js';
import { weakSecretFinding } from '../../audit/rules/secret.js';
import { crackSecret, type CrackOptions } from '../../audit/secrets/crack-pool.js';
import { wordBlocks } from '../../audit/secrets/wordlist.js';
import { crackProgressText } from '../../render/audit-text.js';
import type { DecodedToken } from '../../token/decode.js';
import type { Cli, GlobalOptions } from '../context.js';
import { ProgressLine } from '../progress-line.js';

/** At most about ten redraws a second: enough to see it move, too few to slow the crack. */
const PROGRESS_EVERY = 0.1;

export interface WordlistOutcome {
  /** weak-secret for the line that signs the token, or null. */
  readonly finding: Finding | null;
  readonly tries: number;
  /** Ctrl-C stopped the run before the end of the list. */
  readonly interrupted: boolean;
}

/**
 * Try every line of the wordlist as the token's HMAC secret on the crack
 * pool. The file streams through the line splitter, so its size does not
 * matter; a progress line shows on a terminal's stderr; Ctrl-C ends the run
 * with what was found so far. `pool` picks the workers (tests run the built one).
 */
export async function crackWithWordlist(
  cli: Cli,
  g: GlobalOptions,
  token: DecodedToken,
  path: string,
  showValues: boolean,
  pool: Pick<CrackOptions, 'workerUrl' | 'workers'> = {},
): Promise<WordlistOutcome> {
  const io = cli.io;
  const progress = io.stderr.isTTY && !g.quiet ? new ProgressLine(io, PROGRESS_EVERY) : null;
  const interrupt = new AbortController();
  const removeListener = io.onInterrupt(() => interrupt.abort());
  try {
    const result = await crackSecret(token, wordBlocks(io.files.stream(path)), {
      ...pool,
      signal: interrupt.signal,
      ...(progress ? { onProgress: (tries: number) => progress.update((seconds) => crackProgressText(tries, seconds)) } : {}),
    });
    return {
      finding: result.match === null ? null : weakSecretFinding({ ...result, match: result.match }, `wordlist ${path}`, showValues),
      tries: result.tries,
      interrupted: result.match === null && interrupt.signal.aborted,
    };
  } finally {
    progress?.clear();
    removeListener();
  }
}
