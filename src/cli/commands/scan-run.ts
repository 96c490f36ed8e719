import { usageError } from '../../errors.js';
import type { KeySpec } from '../../keys/spec.js';
import { scanJsonLine, writeScanJson } from '../../render/scan-json.js';
import { scanSarif } from '../../render/scan-sarif.js';
import { listedSeverity, progressLine, scanText } from '../../render/scan-text.js';
import { tokenExaminer, type VerifyToken } from '../../scan/examiner.js';
import { pathFilter } from '../../scan/filter.js';
import { scanPaths } from '../../scan/scan.js';
import { signatureRejected } from '../../scan/verification.js';
import { note, type Cli, type GlobalOptions } from '../context.js';
import { exitCodeFor, type Outcome } from '../exit-code.js';
import { keySpecOf } from '../key-options.js';
import { ProgressLine } from '../progress-line.js';
import type { ScanCommandOptions, ScanFormat } from './scan-options.js';

/** How often the progress line is redrawn, in seconds. */
const PROGRESS_EVERY = 0.2;

/** A verifier for each token against the keys a key option names; the key and crypto code load only then. */
async function verifierFor(cli: Cli, g: GlobalOptions, spec: KeySpec, options: ScanCommandOptions, paths: readonly string[]): Promise<VerifyToken> {
  if (spec.kind === 'key-file' && spec.path === '-' && (paths.length === 0 || paths.includes('-'))) {
    throw usageError('--key - reads the key from stdin, which this scan reads tokens from; give the key as a file');
  }
  const [{ loadKeys }, { tokenVerifier }] = await Promise.all([import('../load-keys.js'), import('../../scan/verifier.js')]);
  const keys = await loadKeys(cli, g, spec, options);
  // exp and nbf as verify checks them, and iss for --issuer; no other claim is asked of a scanned token.
  const issuer = spec.kind === 'issuer' ? spec.issuer : null;
  return tokenVerifier(keys, { now: g.now, leeway: g.leeway, issuer, audience: [], subject: null, typ: null, maxAge: null, required: [] });
}

function formatOf(g: GlobalOptions, options: ScanCommandOptions): ScanFormat {
  return options.format ?? (options.jsonl ? 'jsonl' : g.json ? 'json' : 'text');
}

/** Run a scan and print it: the action of `scan`, loaded only when a scan runs. */
export async function runScan(cli: Cli, g: GlobalOptions, paths: readonly string[], options: ScanCommandOptions): Promise<Outcome> {
  const io = cli.io;
  const format = formatOf(g, options);
  const showTokens = options.showTokens === true;
  const spec = keySpecOf(options);
  const verify = spec === null ? null : await verifierFor(cli, g, spec, options, paths);
  // Only JSON prints each token's parts and times; a text or SARIF scan of many tokens need not keep them.
  const keepDetails = format === 'json' || format === 'jsonl';
  const progress = io.stderr.isTTY && !g.quiet ? new ProgressLine(io, PROGRESS_EVERY) : null;
  const interrupt = new AbortController();
  const removeListener = io.onInterrupt(() => interrupt.abort());
  let result;
  try {
    result = await scanPaths(io, {
      paths,
      filter: pathFilter(options.include ?? [], options.exclude ?? []),
      examine: tokenExaminer({ now: g.now, leeway: g.leeway }, verify, keepDetails),
      verifies: verify !== null,
      signal: interrupt.signal,
      outputClosed: () => io.stdout.closed,
      ...(format === 'jsonl'
        ? {
            onToken: (t) => {
              progress?.clear();
              io.stdout.write(scanJsonLine(t, showTokens));
            },
          }
        : {}),
      ...(progress ? { onProgress: (p) => progress.update((seconds) => progressLine(p, seconds)) } : {}),
      onNote: (path, text) => {
        progress?.clear();
        note(cli, g, `${path}: ${text}`);
      },
    });
  } finally {
    progress?.clear();
    removeListener();
  }
  const outcome: Outcome = {
    command: 'scan',
    findings: result.tokens.flatMap((t) => t.findings),
    failOn: options.failOn,
    signatureRejected: result.tokens.some((t) => signatureRejected(t.verification)),
    interrupted: interrupt.signal.aborted,
    outputClosed: io.stdout.closed,
  };
  // The reader went away (`| head -1`): nobody is left to tell anything.
  if (outcome.outputClosed) return outcome;

  const failed = exitCodeFor(outcome) !== 0;
  if (format === 'json') writeScanJson(result, showTokens, (text) => io.stdout.write(text));
  else if (format === 'sarif') io.stdout.write(scanSarif(result));
  else if (format === 'text' && (!g.quiet || failed || result.stopped))
    io.stdout.write(scanText(result, g.theme, { showTokens, minSeverity: listedSeverity(options.failOn) }));

  if (outcome.interrupted) note(cli, g, `interrupted after ${result.progress.files} files; the ${result.tokens.length} tokens found so far are above`);
  return outcome;
}
