import { Command, Option } from 'commander';
import { RULES } from '../../audit/rules/index.js';
import { DEFAULT_LIFETIMES } from '../../audit/rules/lifetime.js';
import type { LifetimePolicy } from '../../audit/rule.js';
import { failsAt, FAIL_ON_CHOICES, type FailOn } from '../../audit/threshold.js';
import { TOKEN_CLASSES, type TokenClass } from '../../audit/token-class.js';
import { parseDuration } from '../../claims/duration.js';
import { usageError } from '../../errors.js';
import { auditText } from '../../render/audit-text.js';
import { reportJson } from '../../render/report-json.js';
import { sarifLog } from '../../render/sarif.js';
import { inspectToken } from '../../report/inspect.js';
import { globalOptions, type Cli } from '../context.js';
import { addSourceOptions, helpForMissingInput, loadToken } from '../input.js';

interface AuditOptions {
  file?: string;
  clipboard?: boolean;
  pick?: string;
  format?: 'text' | 'json' | 'sarif';
  failOn: FailOn;
  ignore?: string;
  profile?: TokenClass;
  maxLifetime?: string;
  showValues?: boolean;
}

const EXAMPLES = `
Examples:
  $ jwt-inspect audit "$TOKEN"
  $ jwt-inspect audit --fail-on medium --ignore no-jti,typ-missing < token.txt
  $ jwt-inspect audit --format sarif --file token.txt > jwt-audit.sarif
  $ jwt-inspect audit --profile refresh --max-lifetime refresh=30d "$TOKEN"
  $ jwt-inspect audit < examples/set-cookie.txt           # cookie rules run on a Set-Cookie line
`;

/** `access=15m,refresh=7d,id=1h` over the defaults. */
export function parseLifetimes(text: string | undefined): LifetimePolicy {
  if (text === undefined) return DEFAULT_LIFETIMES;
  const policy: Record<TokenClass, number> = { ...DEFAULT_LIFETIMES };
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const seconds = value === undefined ? null : parseDuration(value);
    if (!(TOKEN_CLASSES as readonly string[]).includes(name ?? '') || seconds === null) {
      throw usageError(`--max-lifetime ${part}: expected class=duration with class access, refresh or id (access=15m,refresh=7d,id=1h)`);
    }
    policy[name as TokenClass] = seconds;
  }
  return policy;
}

function parseIgnore(text: string | undefined): Set<string> {
  const ids = new Set((text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const known = new Set(RULES.map((r) => r.id));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (unknown.length > 0) throw usageError(`--ignore: no rule named ${unknown.join(', ')}; the rule ids are listed in the README`);
  return ids;
}

export function auditCommand(cli: Cli): Command {
  return addSourceOptions(
    new Command('audit')
      .summary('run the security rules over a token (text, JSON or SARIF)')
      .description('Run every audit rule over a token and exit 1 when a finding is at or above --fail-on.')
      .argument('[token]', 'the token, or text holding one (Bearer header, Set-Cookie line, URL, JSON); - for stdin'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']))
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(FAIL_ON_CHOICES).default('high'))
    .option('--ignore <ids>', 'comma-separated rule ids to turn off')
    .addOption(new Option('--profile <class>', 'token class for the lifetime rules (default: guessed from the claims)').choices(TOKEN_CLASSES))
    .option('--max-lifetime <limits>', 'lifetime limits per class, e.g. access=15m,refresh=7d,id=1h')
    .option('--show-values', 'show sensitive values in evidence instead of masking them')
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: AuditOptions, cmd: Command) => {
      const g = globalOptions(cli, cmd);
      const ignore = parseIgnore(options.ignore);
      const lifetimes = parseLifetimes(options.maxLifetime);
      const loaded = await loadToken(cli, g, token, options);
      if (loaded === null) return helpForMissingInput(cli, cmd);
      const report = inspectToken(loaded.found, loaded.from, {
        now: g.now,
        leeway: g.leeway,
        showValues: options.showValues === true,
        ignore,
        lifetimes,
        ...(options.profile ? { profile: options.profile } : {}),
      });
      const failed = failsAt(report.findings, options.failOn);
      const format = options.format ?? (g.json ? 'json' : 'text');
      if (format === 'json') cli.io.stdout.write(reportJson(report));
      else if (format === 'sarif') {
        const where = loaded.from === 'file' && options.file !== undefined ? { kind: 'file' as const, uri: options.file } : null;
        cli.io.stdout.write(
          sarifLog(
            RULES,
            report.findings.map((finding) => ({
              finding,
              locations: [where ?? { kind: 'logical' as const, name: finding.path ?? 'token' }],
            })),
          ),
        );
      } else if (!g.quiet || failed) cli.io.stdout.write(auditText(report, g.theme, options.failOn, failed));
      if (failed) cli.exitCode = 1;
    });
}
