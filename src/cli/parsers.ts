import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../claims/duration.js';
import { parseInstant } from '../claims/instant.js';
import { parsePathExactly, PathSyntaxError, type ClaimPath } from '../claims/path.js';
import { usageError } from '../errors.js';

/** Commander value parsers: a bad value is a usage error (exit 2) that says what would do. */
export function durationArg(value: string): number {
  const seconds = parseDuration(value);
  if (seconds === null) throw new InvalidArgumentError('expected a duration such as 90, 90s, 15m, 12h, 7d or 2w');
  return seconds;
}

export function instantArg(value: string): number {
  const seconds = parseInstant(value);
  if (seconds === null) throw new InvalidArgumentError('expected Unix seconds (1700000000) or an ISO 8601 time (2024-05-01T12:00:00Z)');
  return seconds;
}

export function choiceArg<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of: ${choices.join(', ')}`);
    return value as T;
  };
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A claim path given to `option` (`--claim`, `--ignore`); a malformed one is a usage error that points at the bad character. */
export function claimPathOption(option: string, text: string): ClaimPath {
  try {
    return parsePathExactly(text);
  } catch (error) {
    if (error instanceof PathSyntaxError) throw usageError(`${option} ${text}: ${error.message} at character ${error.position + 1}`);
    throw error;
  }
}
