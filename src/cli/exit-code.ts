import type { Finding } from '../audit/rule.js';
import { failsAt, type FailOn } from '../audit/threshold.js';
import type { CheckResult } from '../claims/checks.js';
import { EXIT, EXIT_INTERRUPTED, type ExitCode, type InspectError } from '../errors.js';
import type { Verification } from '../verify/result.js';

/**
 * How a command's run ended, told by what it found, for exitCodeFor. A
 * thrown error is not an outcome: main.ts maps it through errors.ts.
 */
export type Outcome =
  /** Nothing to read and a terminal on stdin: the command's help went to stderr. */
  | { readonly command: 'no-input' }
  | { readonly command: 'decode'; readonly checks: readonly CheckResult[]; readonly claimMissing: boolean }
  | { readonly command: 'verify'; readonly verification: Verification; readonly checks: readonly CheckResult[]; readonly failOnWeakKey: boolean }
  | { readonly command: 'audit'; readonly findings: readonly Finding[]; readonly failOn: FailOn; readonly interrupted: boolean }
  /** audit of input that holds no token: the input rules' findings were printed, and the error says why there is no token. */
  | { readonly command: 'audit-undecodable'; readonly error: InspectError }
  | { readonly command: 'diff'; readonly same: boolean }
  | { readonly command: 'jwks'; readonly findings: readonly Finding[]; readonly failOn: FailOn }
  | {
      readonly command: 'scan';
      readonly findings: readonly Finding[];
      readonly failOn: FailOn;
      /** A key that fits a token rejected its signature: forged or tampered with. */
      readonly signatureRejected: boolean;
      readonly interrupted: boolean;
      /** The reader went away (`| head -1`): what it read was all it wanted. */
      readonly outputClosed: boolean;
    }
  | { readonly command: 'sign' | 'completion' };

export const NO_INPUT: Outcome = { command: 'no-input' };

function checkFailedIf(failed: boolean): ExitCode {
  return failed ? EXIT.checkFailed : EXIT.ok;
}

/**
 * The exit code of a run (docs/output.md "Exit codes"): 0 done and every check
 * asked for passed; 1 a check failed: `--expect`, `--fresh`, `--max-ttl`,
 * `--claim` absent, the verdict (a weak key too, with `--fail-on-weak-key`),
 * findings at or above `--fail-on`, or (diff, as diff(1)) the tokens differ;
 * 2 no input; 130 Ctrl-C stopped the run; an input error reported as a
 * result exits as errors.ts maps its code.
 */
export function exitCodeFor(outcome: Outcome): number {
  switch (outcome.command) {
    case 'no-input':
      return EXIT.usage;
    case 'decode':
      return checkFailedIf(outcome.claimMissing || outcome.checks.some((c) => !c.pass));
    case 'verify': {
      const weak = outcome.failOnWeakKey && outcome.verification.warnings.some((w) => w.code === 'weak-key');
      return checkFailedIf(!outcome.verification.valid || weak || outcome.checks.some((c) => !c.pass));
    }
    case 'audit':
      return outcome.interrupted ? EXIT_INTERRUPTED : checkFailedIf(failsAt(outcome.findings, outcome.failOn));
    case 'audit-undecodable':
      return outcome.error.exitCode;
    case 'diff':
      return checkFailedIf(!outcome.same);
    case 'jwks':
      return checkFailedIf(failsAt(outcome.findings, outcome.failOn));
    case 'scan':
      if (outcome.outputClosed) return EXIT.ok;
      return outcome.interrupted ? EXIT_INTERRUPTED : checkFailedIf(outcome.signatureRejected || failsAt(outcome.findings, outcome.failOn));
    case 'sign':
    case 'completion':
      return EXIT.ok;
  }
}
