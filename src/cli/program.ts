import { Command, Option } from 'commander';
import { routeOf, type CommandName } from '../argv-route.js';
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

/** Each command's factory, in the order help lists them; decode is the default command. */
const FACTORIES: Readonly<Record<CommandName, (cli: Cli) => Command>> = {
  decode: decodeCommand,
  verify: verifyCommand,
  audit: auditCommand,
  scan: scanCommand,
  diff: diffCommand,
  sign: signCommand,
  jwks: jwksCommand,
  completion: completionCommand,
};

/** The program without its commands: the global options, help text, hooks and output. */
function rootProgram(cli: Cli): Command {
  return new Command('jwt-inspect')
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
      // commander would ask process.stdout, which loads Node's stream code for every --help; the help has no colours.
      getOutHelpWidth: () => cli.io.stdout.columns ?? HELP_WIDTH,
      getErrHelpWidth: () => cli.io.stderr.columns ?? HELP_WIDTH,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
}

/** The width commander lays help out in when it does not go to a terminal (its own default). */
const HELP_WIDTH = 80;

/**
 * The command line for these arguments, built fresh for each run so that no
 * state leaks between runs. Only the commands the run can reach are built
 * (all of them without argv): building the rest is most of commander's start-up.
 */
export function createProgram(cli: Cli, argv?: readonly string[]): Command {
  const program = rootProgram(cli);
  const names = argv === undefined ? null : routeOf(argv).commands;
  for (const [name, factory] of Object.entries(FACTORIES)) {
    if (names === null || names.includes(name as CommandName)) program.addCommand(factory(cli), { isDefault: name === 'decode' });
  }
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());
  return program;
}
