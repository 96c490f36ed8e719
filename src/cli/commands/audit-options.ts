import { Option, type Command } from 'commander';
import { FAIL_ON_CHOICES, type FailOn } from '../../audit/threshold.js';
import { TOKEN_CLASSES, type TokenClass } from '../../audit/token-class.js';
import type { SourceOptions } from '../input.js';
import type { KeyOptionValues } from '../key-options.js';

const AUDIT_FORMATS = ['text', 'json', 'sarif'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Which rules run, how they judge, and how the result is shown: the options addAuditRuleOptions adds. */
export interface AuditRuleOptions {
  readonly format?: AuditFormat;
  readonly failOn: FailOn;
  readonly ignore?: string;
  readonly profile?: TokenClass;
  readonly maxLifetime?: string;
  readonly showValues?: boolean;
  readonly wordlist?: string;
  /** false with `--no-secret-check`. */
  readonly secretCheck: boolean;
  readonly expectValid?: boolean;
}

/** The output format, `--fail-on`, the rules turned off or tuned, `--wordlist` and `--expect-valid` (README "audit"). */
export function addAuditRuleOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(AUDIT_FORMATS))
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(FAIL_ON_CHOICES).default('high'))
    .option('--ignore <ids>', 'comma-separated rule ids to turn off')
    .addOption(new Option('--profile <class>', 'token class for the lifetime rules (default: guessed from the claims)').choices(TOKEN_CLASSES))
    .option('--max-lifetime <limits>', 'lifetime limits per class, e.g. access=15m,refresh=7d,id=1h')
    .option('--show-values', 'show sensitive values and cracked secrets in evidence instead of masking them')
    .option('--wordlist <file>', 'also try every line of this file as the HMAC secret (streamed; Ctrl-C stops it)')
    .option('--no-secret-check', 'skip the weak-secret check: the built-in list and --wordlist')
    .option('--expect-valid', 'with a key option: a signature that fails with the key is a high finding, not info');
}

/** Every option of audit, group by group: what audit.ts defines and audit-run.ts reads. */
export interface AuditOptions extends SourceOptions, AuditRuleOptions, KeyOptionValues {}
