import { Command } from 'commander';
import { globalOptions, settle, type Cli } from '../context.js';
import { addSourceOptions } from '../input.js';
import { addKeyOptions } from '../key-options.js';
import { addAuditRuleOptions, type AuditOptions } from './audit-options.js';

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
  );
  return addKeyOptions(addAuditRuleOptions(withSource))
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: AuditOptions, cmd: Command) => {
      // Key loading, jose and the crack pool load only when an audit runs.
      const { runAudit } = await import('./audit-run.js');
      settle(cli, cmd, await runAudit(cli, globalOptions(cli, cmd), token, options));
    });
}
