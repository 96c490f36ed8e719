/**
 * What a command line asks for, read once before commander runs: boot picks
 * a code cache and a thread-pool size by it, the program builds only the
 * command it names (building the rest is most of commander's start-up), and
 * main knows whether to answer a usage error in JSON. It reads argv as
 * commander routes it: root options first, then the command name.
 */

/** The commands, in the order help lists them; decode is the default. */
export const COMMAND_NAMES = ['decode', 'verify', 'audit', 'scan', 'diff', 'sign', 'jwks', 'completion'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The root options that take a value (cli/program.ts declares them; a test keeps the two equal). */
export const ROOT_VALUE_OPTIONS: readonly string[] = ['--now', '--leeway'];
/** The root options that take none, help and version included. */
export const ROOT_FLAGS: readonly string[] = ['--json', '--color', '--no-color', '-q', '--quiet', '--debug', '-V', '--version', '-h', '--help'];

export interface ArgvRoute {
  /** The commands the run can reach: one, or null for all (help lists them, completion walks them). */
  readonly commands: readonly CommandName[] | null;
  /** `--json` given before `--`: usage errors are answered in JSON too. */
  readonly json: boolean;
  /** `--debug` given before `--`. */
  readonly debug: boolean;
}

const HELP_FLAGS = new Set(['-h', '--help']);
const isCommandName = (word: string | undefined): word is CommandName => COMMAND_NAMES.includes(word as CommandName);

/**
 * The route of these arguments (without `node` and the script). An option the
 * root does not know ends routing, as in commander: what follows goes to
 * decode, the default command. A wrong guess costs only start-up time: the
 * real parse still reports every error.
 */
export function routeOf(argv: readonly string[]): ArgvRoute {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const json = options.includes('--json');
  const debug = options.includes('--debug');
  const help = options.some((arg) => HELP_FLAGS.has(arg));
  const first = firstOperand(argv);
  if (isCommandName(first)) return { commands: first === 'completion' ? null : [first], json, debug };
  return { commands: help || first === 'help' ? null : ['decode'], json, debug };
}

/** The first word commander would route by, or undefined when options end routing first. */
function firstOperand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (ROOT_VALUE_OPTIONS.includes(arg)) {
      i++;
      continue;
    }
    if (ROOT_FLAGS.includes(arg) || ROOT_VALUE_OPTIONS.some((name) => arg.startsWith(`${name}=`))) continue;
    return arg.startsWith('-') && arg !== '-' ? undefined : arg;
  }
  return undefined;
}
