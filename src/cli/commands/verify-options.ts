import type { Command } from 'commander';
import type { CheckOptions } from '../check-options.js';
import type { DecryptOptions } from '../decrypt-options.js';
import type { SourceOptions } from '../input.js';
import type { KeyOptionValues } from '../key-options.js';
import { collect, durationArg } from '../parsers.js';

/** What verify requires of a token besides a signature by the key: the options addVerifyPolicyOptions adds. */
export interface VerifyPolicyOptions {
  readonly alg?: string[];
  readonly iss?: string;
  readonly aud?: string[];
  readonly sub?: string;
  readonly typ?: string;
  readonly maxAge?: number;
  readonly require?: string[];
  readonly failOnWeakKey?: boolean;
}

/** A comma-separated list option that may also be repeated: `--alg RS256,ES256 --alg PS256`. */
function list(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}

/** The algorithms allowed and the claims required (README "verify"). */
export function addVerifyPolicyOptions(cmd: Command): Command {
  return cmd
    .option('--alg <list>', 'allowed algorithms, comma-separated (default: what the key can verify; none is never accepted)', list)
    .option('--iss <value>', 'require this issuer')
    .option('--aud <value>', 'require this audience, repeatable (any one of them)', collect)
    .option('--sub <value>', 'require this subject')
    .option('--typ <value>', 'require this header typ (JWT matches application/jwt)')
    .option('--max-age <duration>', 'reject tokens issued (iat) longer ago than this', durationArg)
    .option('--require <claims>', 'require these claims to be present, comma-separated, repeatable', list)
    .option('--fail-on-weak-key', 'exit 1 when the key that verified is too weak to trust (an HMAC secret shorter than its hash)');
}

/** Every option of verify, group by group: what verify.ts defines and verify-run.ts reads. */
export interface VerifyOptions extends SourceOptions, KeyOptionValues, DecryptOptions, VerifyPolicyOptions, CheckOptions {}
