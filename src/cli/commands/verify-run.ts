import { usageError } from '../../errors.js';
import type { KeySet } from '../../keys/key.js';
import type { KeySpec } from '../../keys/spec.js';
import { failedChecksText } from '../../render/checks-text.js';
import { escapeTerminal } from '../../render/escape.js';
import { checksJson, reportJson } from '../../render/report-json.js';
import { verificationJson } from '../../render/verify-json.js';
import { verifyText, type KeyProvenance } from '../../render/verify-text.js';
import { buildReport } from '../../report/inspect.js';
import { decodeToken, type DecodedToken } from '../../token/decode.js';
import { isJwsAlgorithm } from '../../verify/algorithms.js';
import type { ClaimPolicy } from '../../verify/claims.js';
import { MissingKeyError, verifyToken, type MissingKey, type Verified, type VerifyRequest } from '../../verify/verify-token.js';
import { runChecks } from '../check-options.js';
import type { Cli, GlobalOptions } from '../context.js';
import { decryptSpecOf, loadDecryptKeyFor } from '../decrypt-options.js';
import { NO_INPUT, type Outcome } from '../exit-code.js';
import { loadToken, refuseKeyAndTokenOnStdin } from '../input.js';
import { KEY_OPTIONS, keySpecOf } from '../key-options.js';
import { loadKeys } from '../load-keys.js';
import type { VerifyOptions } from './verify-options.js';

/** `--alg`: known JWS algorithms only, and never `none` (RFC 8725 §3.2). */
function allowedAlgorithms(list: readonly string[] | undefined): string[] | null {
  if (list === undefined) return null;
  for (const alg of list) {
    if (alg.toLowerCase() === 'none') throw usageError('--alg none: an unsecured token is never accepted as verified');
    if (!isJwsAlgorithm(alg))
      throw usageError(`--alg ${alg}: not a JWS algorithm; expected HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA or Ed25519`);
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

/** How to give the key verify/ found missing, in the words of the options that give it. */
const ASK_FOR_KEY: Readonly<Record<MissingKey, string>> = {
  signature: `verify checks a signature; give its key with ${KEY_OPTIONS}`,
  'nested-signature': `the JWE holds a signed JWT; give its key with ${KEY_OPTIONS}`,
  decryption: 'the token is a JWE (encrypted); decrypt it with --decrypt-key <path> or --decrypt-secret-env <VAR>',
};

/** verifyToken, with a missing key asked for by its option. */
async function verifyWithOptions(token: DecodedToken, request: VerifyRequest): Promise<Verified> {
  try {
    return await verifyToken(token, request);
  } catch (error) {
    if (error instanceof MissingKeyError) throw usageError(ASK_FOR_KEY[error.missing], error);
    throw error;
  }
}

/** What the verify screen tells of the keys: where they came from, never the keys or their document. */
function provenanceOf(keys: KeySet | null): KeyProvenance | null {
  return keys === null ? null : { source: keys.source, origin: keys.origin, certificate: keys.certificate };
}

/** The verify action: read the token and the keys, verify, print the report. */
export async function runVerify(cli: Cli, g: GlobalOptions, arg: string | undefined, o: VerifyOptions): Promise<Outcome> {
  // --secret-base64 may be there for --decrypt-secret-env alone, with no verification secret.
  const hasSecret = o.secret !== undefined || o.secretEnv !== undefined || o.secretFile !== undefined;
  const spec = keySpecOf(hasSecret || o.decryptSecretEnv === undefined ? o : { ...o, secretBase64: false });
  const decryptSpec = decryptSpecOf(o, o.secretBase64 === true);
  const algorithms = allowedAlgorithms(o.alg);
  const policy = claimPolicy(g, spec, o);
  refuseKeyAndTokenOnStdin(spec, arg, o);
  const loaded = await loadToken(cli, g, arg, o, 'refuse');
  if (loaded === null) return NO_INPUT;
  if (spec === null && decryptSpec === null) throw usageError(`verify needs a key: ${KEY_OPTIONS}`);

  const keys = spec === null ? null : await loadKeys(cli, g, spec, o);
  const decryptKey = decryptSpec === null ? null : await loadDecryptKeyFor(cli, decryptSpec);
  const decoded = decodeToken(loaded.found.token);
  const { verification, opened, signatures } = await verifyWithOptions(decoded, { keys, decryptKey, algorithms, policy });
  const report = buildReport(decoded, loaded.found, loaded, { now: g.now, leeway: g.leeway, opened, signatures });
  const checks = runChecks(report, o, g.now);

  if (g.json) cli.io.stdout.write(reportJson(report, { expectations: checksJson(checks), verification: verificationJson(verification) }));
  else if (!g.quiet) cli.io.stdout.write(verifyText(report, verification, provenanceOf(keys), g.theme));
  else {
    for (const e of verification.errors) cli.io.stderr.write(`jwt-inspect: INVALID: ${escapeTerminal(e.message)} [${e.code}]\n`);
    const failing = o.failOnWeakKey === true ? verification.warnings.filter((w) => w.code === 'weak-key') : [];
    for (const w of failing) cli.io.stderr.write(`jwt-inspect: WEAK KEY: ${escapeTerminal(w.message)} [--fail-on-weak-key]\n`);
  }
  cli.io.stderr.write(failedChecksText(checks));
  return { command: 'verify', verification, checks, failOnWeakKey: o.failOnWeakKey === true };
}
