import { Command, Option } from 'commander';
import { FAIL_ON_CHOICES, type FailOn } from '../../audit/threshold.js';
import { TOKEN_CLASSES, type TokenClass } from '../../audit/token-class.js';
import type { Cli } from '../context.js';
import { addSourceOptions } from '../input.js';
import { addKeyOptions, type KeyOptionValues } from '../key-options.js';

const AUDIT_FORMATS = ['text', 'json', 'sarif'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions extends KeyOptionValues {
  readonly file?: string;
  readonly clipboard?: boolean;
  readonly pick?: string;
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

const EXAMPLES = `
Examples:
  $ jwt-inspect audit "$TOKEN"
  $ jwt-inspect audit --fail-on medium --ignore no-jti,typ-missing < token.txt
  $ jwt-inspect audit --format sarif --file token.txt > jwt-audit.sarif
  $ jwt-inspect audit --profile refresh --max-lifetime refresh=30d "$TOKEN"
  $ jwt-inspect audit --wordlist rockyou.txt "$TOKEN"           # weak secrets beyond the built-in list
  $ jwt-inspect audit --key public.pem --expect-valid "$TOKEN"  # the key rules: confusion, fit, kid
  $ jwt-inspect audit < examples/set-cookie.txt                 # the cookie rules on a Set-Cookie line

Exit codes: 0 nothing at --fail-on or above, 1 findings at --fail-on or above, 2 usage, 3 no token or a bad key, 4 network, 130 interrupted.
`;

export function auditCommand(cli: Cli): Command {
  const withSource = addSourceOptions(
    new Command('audit')
      .summary('run the security rules over a token (text, JSON or SARIF)')
      .description(
        'Run every audit rule over a token and exit 1 when a finding is at or above --fail-on. HS* tokens are tried against the built-in list of weak secrets (and --wordlist); with a key option, the key rules run too (algorithm confusion, a key that does not suit alg, a failing signature, kid, private keys).',
      )
      .argument('[token]', 'the token, or text holding one (Bearer header, Set-Cookie line, URL, JSON); - for stdin'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(AUDIT_FORMATS))
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(FAIL_ON_CHOICES).default('high'))
    .option('--ignore <ids>', 'comma-separated rule ids to turn off')
    .addOption(new Option('--profile <class>', 'token class for the lifetime rules (default: guessed from the claims)').choices(TOKEN_CLASSES))
    .option('--max-lifetime <limits>', 'lifetime limits per class, e.g. access=15m,refresh=7d,id=1h')
    .option('--show-values', 'show sensitive values and cracked secrets in evidence instead of masking them')
    .option('--wordlist <file>', 'also try every line of this file as the HMAC secret (streamed; Ctrl-C stops it)')
    .option('--no-secret-check', 'skip the weak-secret check: the built-in list and --wordlist')
    .option('--expect-valid', 'with a key option: a signature that fails with the key is a high finding, not info');
  return addKeyOptions(withSource)
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: AuditOptions, cmd: Command) => {
      // Key loading, jose and the crack pool load only when an audit runs.
      const { runAudit } = await import('./audit-run.js');
      await runAudit(cli, cmd, token, options);
    });
}
