import { InvalidArgumentError, Option, type Command } from 'commander';
import { freshCheck, maxTtlCheck, type CheckResult } from '../claims/checks.js';
import { evaluateExpectation, ExpectSyntaxError, parseExpectation, type Expectation } from '../claims/expect.js';
import { trustedClaims, type InspectReport } from '../report/inspect.js';
import { durationArg } from './parsers.js';

export interface CheckOptions {
  readonly expect?: Expectation[];
  readonly fresh?: boolean;
  readonly maxTtl?: number;
}

/** One `--expect` value; a malformed one is a usage error that points at the bad character. */
function expectationArg(text: string, previous: Expectation[] | undefined): Expectation[] {
  try {
    return [...(previous ?? []), parseExpectation(text)];
  } catch (error) {
    if (!(error instanceof ExpectSyntaxError)) throw error;
    const caret = `${' '.repeat(error.position)}^`;
    throw new InvalidArgumentError(`${error.message} at character ${error.position + 1}\n  ${text}\n  ${caret}`);
  }
}

/** `--expect <expr>` (repeatable), `--fresh` and `--max-ttl`, the same for decode and verify (README "Expectations"). */
export function addCheckOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--expect <expr>', 'assert a claim, repeatable: sub=42, !debug, scope~=read, exp>now+15m, header.kid=k1; exit 1 when any fails').argParser(
        expectationArg,
      ),
    )
    .option('--fresh', 'exit 1 unless the token is inside its exp/nbf window now')
    .option('--max-ttl <duration>', 'exit 1 when exp - iat is longer than this (or exp is missing)', durationArg);
}

/** The outcome of each check asked for; they read the claims of the inner token when there is one (a decrypted JWE, a nested JWT). */
export function runChecks(report: InspectReport, o: CheckOptions, now: number): CheckResult[] {
  const claims = trustedClaims(report);
  const checks = (o.expect ?? []).map((e) => evaluateExpectation(e, report.header, claims, now));
  if (o.fresh) checks.push(freshCheck(report.time));
  if (o.maxTtl !== undefined) checks.push(maxTtlCheck(report.time, o.maxTtl));
  return checks;
}
