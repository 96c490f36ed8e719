import { Command, Option } from 'commander';
import { FAIL_ON_CHOICES } from '../../audit/threshold.js';
import { globalOptions, settle, type Cli } from '../context.js';
import { NO_INPUT } from '../exit-code.js';
import { addKeyOptions } from '../key-options.js';
import { collect } from '../parsers.js';
import { SCAN_FORMATS, type ScanCommandOptions } from './scan-options.js';

const EXAMPLES = `
Examples:
  $ jwt-inspect scan .                                   # a repository: .git, node_modules, binaries skipped
  $ jwt-inspect scan /var/log/app --include '*.log'
  $ jwt-inspect scan session.har --json | jq '.tokens[].locations'
  $ kubectl logs deploy/api | jwt-inspect scan --jsonl
  $ jwt-inspect scan --format sarif --fail-on medium src > jwt-scan.sarif
  $ jwt-inspect scan --jwks https://idp.example.com/.well-known/jwks.json access.log
`;

export function scanCommand(cli: Cli): Command {
  return addKeyOptions(
    new Command('scan')
      .summary('find every JWT in files, folders, HAR files, logs or stdin')
      .description(
        'Find every JWT in files, folders (recursively), HAR archives or stdin, and report each distinct token once with where it was seen, its alg, kid, iss, sub, time status and findings. With a key option, every token is also verified. Exit 1 when a finding is at or above --fail-on, or when a key that fits a token rejects its signature.',
      )
      .argument('[paths...]', 'files and folders to scan; - for stdin (the default when stdin is not a terminal)')
      .option('--include <glob>', 'in folders, scan only files matching this glob (repeatable; *, **, ?)', collect)
      .option('--exclude <glob>', 'in folders, leave out files and folders matching this glob (repeatable)', collect)
      .addOption(new Option('--format <format>', 'output format (default: text, or json with --json)').choices(SCAN_FORMATS))
      .option('--jsonl', 'one JSON line per token, written as soon as it is found (same as --format jsonl)')
      .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(FAIL_ON_CHOICES).default('high'))
      .option('--show-tokens', 'show whole tokens instead of redacting them'),
  )
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], options: ScanCommandOptions, cmd: Command) => {
      if (paths.length === 0 && cli.io.stdin.isTTY) return settle(cli, cmd, NO_INPUT);
      // The scanner and the file walker load only when a scan runs.
      const { runScan } = await import('./scan-run.js');
      settle(cli, cmd, await runScan(cli, globalOptions(cli, cmd), paths, options));
    });
}
