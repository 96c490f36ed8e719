import type { Command } from 'commander';
import { freshCheck, maxTtlCheck, type CheckResult } from '../../claims/checks.js';
import { evaluateExpectation } from '../../claims/expect.js';
import { usageError } from '../../errors.js';
import { loadKeySet } from '../../keys/load.js';
import { loadCa, type RemoteOptions } from '../../keys/remote-document.js';
import { keySpecOf, type KeySpec } from '../../keys/spec.js';
import { failedChecksText } from '../../render/checks-text.js';
import { escapeTerminal } from '../../render/escape.js';
import { reportJson } from '../../render/report-json.js';
import { verificationJson } from '../../render/verify-json.js';
import { verifyText } from '../../render/verify-text.js';
import { inspectToken } from '../../report/inspect.js';
import { isJwsAlgorithm } from '../../verify/algorithms.js';
import type { ClaimPolicy } from '../../verify/claims.js';
import { verifyExitCode } from '../../verify/result.js';
import { verifyReport } from '../../verify/verify-report.js';
import { globalOptions, note, type Cli, type GlobalOptions } from '../context.js';
import { decryptSpecOf, loadDecryptKeyFor } from '../decrypt-options.js';
import { helpForMissingInput, loadToken } from '../input.js';
import type { VerifyOptions } from './verify.js';

/** `--alg`: known JWS algorithms only, and never `none` (RFC 8725 §3.2). */
function allowedAlgorithms(list: readonly string[] | undefined): string[] | null {
  if (list === undefined) return null;
  for (const alg of list) {
    if (alg.toLowerCase() === 'none') throw usageError('--alg none: an unsecured token is never accepted as verified');
    if (!isJwsAlgorithm(alg)) throw usageError(`--alg ${alg}: not a JWS algorithm; expected HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA or Ed25519`);
  }
  return [...list];
}

/** `--iss`, or the issuer of `--issuer` (the token must come from the issuer whose keys verified it). */
function expectedIssuer(spec: KeySpec | null, iss: string | undefined): string | null {
  if (spec?.kind !== 'issuer') return iss ?? null;
  if (iss !== undefined && iss !== spec.issuer) throw usageError(`--iss ${iss} contradicts --issuer ${spec.issuer}; drop --iss`);
  return spec.issuer;
}

function claimPolicy(g: GlobalOptions, spec: KeySpec | null, o: VerifyOptions): ClaimPolicy {
  return {
    now: g.now,
    leeway: g.leeway,
    issuer: expectedIssuer(spec, o.iss),
    audience: o.aud ?? [],
    subject: o.sub ?? null,
    typ: o.typ ?? null,
    maxAge: o.maxAge ?? null,
    required: o.require ?? [],
  };
}

async function remoteOptions(cli: Cli, o: VerifyOptions): Promise<RemoteOptions> {
  return { timeoutMs: o.timeout * 1000, allowHttp: o.allowHttp === true, ca: o.ca === undefined ? null : await loadCa(cli.io, o.ca), useCache: o.cache };
}

/** The verify action: read the token and the keys, verify, print the report, set the exit code. */
export async function runVerify(cli: Cli, cmd: Command, arg: string | undefined, o: VerifyOptions): Promise<void> {
  const g = globalOptions(cli, cmd);
  // --secret-base64 may be there for --decrypt-secret-env alone, with no verification secret.
  const hasSecret = o.secret !== undefined || o.secretEnv !== undefined || o.secretFile !== undefined;
  const spec = keySpecOf(hasSecret || o.decryptSecretEnv === undefined ? o : { ...o, secretBase64: false });
  const decryptSpec = decryptSpecOf(o, o.secretBase64 === true);
  const algorithms = allowedAlgorithms(o.alg);
  const policy = claimPolicy(g, spec, o);
  if (spec?.kind === 'key-file' && spec.path === '-' && (arg === undefined || arg === '-') && o.file === undefined && o.clipboard !== true) {
    throw usageError('--key - reads the key from stdin, so the token must come from an argument, --file or --clipboard');
  }
  const loaded = await loadToken(cli, g, arg, o);
  if (loaded === null) return helpForMissingInput(cli, cmd);
  if (spec === null && decryptSpec === null) throw usageError('verify needs a key: --secret-env, --secret-file, --secret, --key, --jwks or --issuer');
  if (spec?.kind === 'secret' && spec.from === 'argument') {
    note(cli, g, 'warning: --secret puts the secret in the argument list, where other users of this machine can read it (ps, /proc); prefer --secret-env or --secret-file');
  }

  const keys = spec === null ? null : await loadKeySet(cli.io, spec, await remoteOptions(cli, o));
  for (const message of keys?.notes ?? []) note(cli, g, message);
  const decryptKey = decryptSpec === null ? null : await loadDecryptKeyFor(cli, decryptSpec);
  const inspected = inspectToken(loaded.found, loaded.from, { now: g.now, leeway: g.leeway });
  const { report, verification } = await verifyReport({ report: inspected, keys, decryptKey, algorithms, policy });

  const claims = report.inner?.payload ?? report.payload;
  const checks: CheckResult[] = (o.expect ?? []).map((e) => evaluateExpectation(e, report.header, claims, g.now));
  if (o.fresh) checks.push(freshCheck(report.time));
  if (o.maxTtl !== undefined) checks.push(maxTtlCheck(report.time, o.maxTtl));

  if (g.json) cli.io.stdout.write(reportJson(report, { expectations: checks.map((c) => ({ ...c })), verification: verificationJson(verification) }));
  else if (!g.quiet) cli.io.stdout.write(verifyText(report, verification, keys, g.theme));
  else for (const e of verification.errors) cli.io.stderr.write(`jwt-inspect: INVALID: ${escapeTerminal(e.message)} [${e.code}]\n`);
  cli.io.stderr.write(failedChecksText(checks));
  cli.exitCode = verifyExitCode(verification, checks);
}
