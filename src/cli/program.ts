import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { auditCommand } from './commands/audit.js';
import { completionCommand } from './commands/completion.js';
import { decodeCommand } from './commands/decode.js';
import { diffCommand } from './commands/diff.js';
import { jwksCommand } from './commands/jwks.js';
import { signCommand } from './commands/sign.js';
import { verifyCommand } from './commands/verify.js';
import { scanCommand } from './commands/scan.js';
import { decideTheme, type Cli } from './context.js';
import { durationArg, instantArg } from './parsers.js';

const EXAMPLES = `
Examples:
  $ jwt-inspect "$TOKEN"                        decode (the default command)
  $ pbpaste | jwt-inspect                       a token, Bearer header, cookie, URL or JSON on stdin
  $ jwt-inspect decode --file examples/authorization-header.txt
  $ jwt-inspect --json --now 2024-05-01T00:00:00Z "$TOKEN"

Exit codes: 0 ok, 1 a check failed, 2 usage, 3 bad input, 4 network, 5 internal error.
`;

/** The whole command line, built fresh for each run so that no state leaks between runs. */
export function createProgram(cli: Cli): Command {
  const program = new Command('jwt-inspect')
    .description('Inspect, verify and audit JSON Web Tokens locally. Decoding is not trusting: decode never checks the signature.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--json', 'print one JSON document on stdout (stable shape)')
    .addOption(new Option('--color', 'force colours on'))
    .addOption(new Option('--no-color', 'force colours off (NO_COLOR and FORCE_COLOR are honoured)'))
    .option('--now <time>', 'evaluate times as of this instant: ISO 8601 or Unix seconds', instantArg)
    .option('--leeway <duration>', 'clock-skew tolerance for exp, nbf and iat (default 0)', durationArg)
    .option('-q, --quiet', 'print nothing on success; failures still go to stderr')
    .option('--debug', 'show stack traces for errors')
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', EXAMPLES)
    .hook('preAction', (_program, action) => decideTheme(cli, action))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.io.stdout.write(s),
      writeErr: (s) => cli.io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'jwt-inspect: ')),
    });
  program.addCommand(decodeCommand(cli), { isDefault: true });
  program.addCommand(verifyCommand(cli));
  program.addCommand(auditCommand(cli));
  program.addCommand(scanCommand(cli));
  program.addCommand(diffCommand(cli));
  program.addCommand(signCommand(cli));
  program.addCommand(jwksCommand(cli));
  program.addCommand(completionCommand(cli));
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());
  return program;
}
