import { auditInput } from '../../audit/input.js';
import type { KeyFacts } from '../../audit/key-facts.js';
import type { Finding } from '../../audit/rule.js';
import { hmacTarget } from '../../audit/secrets/hmac.js';
import { failsAt } from '../../audit/threshold.js';
import { InspectError, usageError } from '../../errors.js';
import type { KeySpec } from '../../keys/spec.js';
import { auditSarif } from '../../render/audit-sarif.js';
import { auditText, undecodableText } from '../../render/audit-text.js';
import { escapeTerminal } from '../../render/escape.js';
import { inputErrorJson, reportJson } from '../../render/report-json.js';
import { buildReport, withFindings, type InspectReport } from '../../report/inspect.js';
import { decodeToken, type DecodedToken } from '../../token/decode.js';
import { note, type Cli, type GlobalOptions } from '../context.js';
import { NO_INPUT, type Outcome } from '../exit-code.js';
import { pickFromInput, readTokenInput, refuseKeyAndTokenOnStdin, type InputText, type LoadedToken } from '../input.js';
import { KEY_OPTIONS, keySpecOf } from '../key-options.js';
import type { AuditFormat, AuditOptions } from './audit-options.js';
import { ignoredRules, parseLifetimes } from './audit-policy.js';
import type { WordlistOutcome } from './audit-wordlist.js';

/** The errors that mean "no token here": the input rules may say why (not-compact, json-serialization). */
const UNDECODABLE: ReadonlySet<string> = new Set(['ERR_NO_TOKEN', 'ERR_MALFORMED_TOKEN']);

interface SuppliedKey {
  readonly key?: KeyFacts;
  readonly secret?: Uint8Array;
}

interface AuditRun {
  readonly g: GlobalOptions;
  readonly o: AuditOptions;
  readonly format: AuditFormat;
  /** The file the input came from, for SARIF locations; null otherwise. */
  readonly file: string | null;
}

function sourceFile(input: InputText, o: AuditOptions): string | null {
  return input.from === 'file' && o.file !== undefined ? o.file : null;
}

/** The key option's keys, verified against the token, as the key rules and the secret rules read them. */
async function suppliedKey(cli: Cli, g: GlobalOptions, spec: KeySpec, o: AuditOptions, token: DecodedToken): Promise<SuppliedKey> {
  const [{ loadKeys }, { keyFacts, suppliedSecret }] = await Promise.all([import('../load-keys.js'), import('../../audit/key-facts.js')]);
  const key = await keyFacts(token, await loadKeys(cli, g, spec, o), o.expectValid === true);
  const secret = suppliedSecret(key);
  return secret === undefined ? { key } : { key, secret };
}

/** Why `--wordlist` is not run for this token, or null when it is. */
function wordlistSkipped(report: InspectReport, ignore: ReadonlySet<string>): string | null {
  if (ignore.has('weak-secret')) return 'the weak-secret check is off (--no-secret-check or --ignore)';
  if (hmacTarget(report.decoded) === null) return 'the token is not signed with an HMAC secret (HS256, HS384, HS512)';
  if (report.findings.some((f) => f.id === 'weak-secret' || f.id === 'empty-secret')) return 'the secret is already known';
  return null;
}

async function runWordlist(cli: Cli, run: AuditRun, report: InspectReport, ignore: ReadonlySet<string>): Promise<WordlistOutcome | null> {
  const path = run.o.wordlist;
  if (path === undefined) return null;
  const skipped = wordlistSkipped(report, ignore);
  if (skipped !== null) {
    note(cli, run.g, `--wordlist ${path} not used: ${skipped}`);
    return null;
  }
  const { crackWithWordlist } = await import('./audit-wordlist.js');
  return crackWithWordlist(cli, run.g, report.decoded, path, run.o.showValues === true);
}

/** Input with no decodable token: the input rules' findings in the chosen format, the error on stderr. */
function reportUndecodable(cli: Cli, run: AuditRun, error: InspectError, findings: readonly Finding[]): Outcome {
  cli.io.stderr.write(`jwt-inspect: ${escapeTerminal(error.message)}\n`);
  if (run.format === 'json') cli.io.stdout.write(inputErrorJson(error.code, error.message, findings));
  else if (run.format === 'sarif') cli.io.stdout.write(auditSarif(findings, run.file, 'input'));
  else cli.io.stdout.write(undecodableText(findings, run.g.theme));
  return { command: 'audit-undecodable', error };
}

/** The token in the input and its decoding, or the error that says there is none. */
function decodeInput(cli: Cli, g: GlobalOptions, input: InputText, pick: string | undefined): { loaded: LoadedToken; decoded: DecodedToken } | InspectError {
  try {
    const loaded = pickFromInput(cli, g, input, pick, 'refuse');
    return { loaded, decoded: decodeToken(loaded.found.token) };
  } catch (error) {
    if (error instanceof InspectError && UNDECODABLE.has(error.code)) return error;
    throw error;
  }
}

/** The audit action: read the token (and a key), run the rules and the wordlist, print. */
export async function runAudit(cli: Cli, g: GlobalOptions, arg: string | undefined, o: AuditOptions): Promise<Outcome> {
  const ignore = ignoredRules(o.ignore, o.secretCheck);
  const lifetimes = parseLifetimes(o.maxLifetime);
  const spec = keySpecOf(o);
  if (o.expectValid === true && spec === null) throw usageError(`--expect-valid needs a key to check the signature with: ${KEY_OPTIONS}`);
  refuseKeyAndTokenOnStdin(spec, arg, o);
  const input = await readTokenInput(cli, arg, o);
  if (input === null) return NO_INPUT;
  const run: AuditRun = { g, o, format: o.format ?? (g.json ? 'json' : 'text'), file: sourceFile(input, o) };

  const token = decodeInput(cli, g, input, o.pick);
  if (token instanceof InspectError) {
    const findings = auditInput(input.text, ignore);
    if (findings.length === 0) throw token;
    return reportUndecodable(cli, run, token, findings);
  }
  const supplied: SuppliedKey = spec === null ? {} : await suppliedKey(cli, g, spec, o, token.decoded);
  const inspected = buildReport(token.decoded, token.loaded.found, token.loaded, {
    now: g.now,
    leeway: g.leeway,
    showValues: o.showValues === true,
    ignore,
    lifetimes,
    ...(o.profile ? { profile: o.profile } : {}),
    ...supplied,
  });
  const wordlist = await runWordlist(cli, run, inspected, ignore);
  const report = withFindings(inspected, wordlist?.finding ? [wordlist.finding] : []);

  const failed = failsAt(report.findings, o.failOn);
  const interrupted = wordlist?.interrupted === true;
  if (run.format === 'json') cli.io.stdout.write(reportJson(report));
  else if (run.format === 'sarif') cli.io.stdout.write(auditSarif(report.findings, run.file, 'token'));
  else if (!g.quiet || failed || interrupted) cli.io.stdout.write(auditText(report, g.theme, o.failOn, failed, supplied.key));

  if (interrupted) {
    note(cli, g, `interrupted: the wordlist ${o.wordlist} was not finished (${wordlist.tries} candidates tried); the findings above are those found so far`);
  }
  return { command: 'audit', findings: report.findings, failOn: o.failOn, interrupted };
}
