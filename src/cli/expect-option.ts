import { InvalidArgumentError, Option } from 'commander';
import { ExpectSyntaxError, parseExpectation, type Expectation } from '../claims/expect.js';

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

/** `--expect <expr>`, repeatable, for decode and verify (CONTRACT.md "Expectations"). */
export function expectOption(): Option {
  return new Option('--expect <expr>', 'assert a claim, repeatable: sub=42, !debug, scope~=read, exp>now+15m, header.kid=k1; exit 1 when any fails').argParser(
    expectationArg,
  );
}
