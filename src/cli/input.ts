import type { Command } from 'commander';
import { InspectError, usageError } from '../errors.js';
import type { KeySpec } from '../keys/spec.js';
import type { SourceFrom } from '../report/inspect.js';
import { pickToken, type FoundToken } from '../token/extract.js';
import { note, type Cli, type GlobalOptions } from './context.js';

/** Token inputs larger than this are refused: no real carrier of a token is this big. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Where the token comes from besides the argument, and which one to take. */
export interface SourceOptions {
  readonly file?: string;
  readonly clipboard?: boolean;
  readonly pick?: string;
}

/** The options every token-reading command takes. */
export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('-f, --file <path>', 'read the input from a file')
    .option('-c, --clipboard', 'read the input from the system clipboard')
    .option('--pick <name>', 'when the input holds several tokens, take the one with this cookie, parameter or JSON key name, or at this position (1, 2, ...)');
}

export interface InputText {
  readonly text: string;
  readonly from: SourceFrom;
}

const decoder = new TextDecoder('utf-8');

/**
 * The text that holds the token: the argument (`-` is stdin), `--file`,
 * `--clipboard`, else a stdin that is not a terminal. An explicit source
 * wins over a stdin that merely is not a terminal (CI runs with /dev/null).
 * Returns null when there is nothing to read and stdin is a terminal.
 */
export async function readTokenInput(cli: Cli, arg: string | undefined, options: SourceOptions): Promise<InputText | null> {
  const explicit = [arg !== undefined && 'an argument', options.file !== undefined && '--file', options.clipboard && '--clipboard'].filter(
    (s): s is string => typeof s === 'string',
  );
  if (explicit.length > 1) {
    throw new InspectError('ERR_CONFLICTING_SOURCES', `the token can come from one place only; got ${explicit.join(' and ')}`);
  }
  if (arg !== undefined && arg !== '-') return { text: arg, from: 'argument' };
  if (options.file !== undefined) {
    const bytes = await cli.io.readFile(options.file, MAX_INPUT_BYTES);
    return { text: decoder.decode(bytes), from: 'file' };
  }
  if (options.clipboard) return { text: await cli.io.clipboard.read(), from: 'clipboard' };
  if (arg === '-' || !cli.io.stdin.isTTY) {
    return { text: decoder.decode(await cli.io.stdin.read(MAX_INPUT_BYTES)), from: 'stdin' };
  }
  return null;
}

/** `--key -` reads the key from stdin, so the token must come from an argument, `--file` or `--clipboard` (verify, audit). */
export function refuseKeyAndTokenOnStdin(spec: KeySpec | null, arg: string | undefined, options: SourceOptions): void {
  const tokenFromStdin = (arg === undefined || arg === '-') && options.file === undefined && options.clipboard !== true;
  if (spec?.kind === 'key-file' && spec.path === '-' && tokenFromStdin) {
    throw usageError('--key - reads the key from stdin, so the token must come from an argument, --file or --clipboard');
  }
}

export interface LoadedToken {
  readonly found: FoundToken;
  readonly from: SourceFrom;
  /** How many tokens the input held. */
  readonly count: number;
}

/**
 * What to do with several tokens and no `--pick`: `first`, with a note on
 * stderr, where the output is for reading; `refuse` where a verdict gates a
 * script, since a verdict on the first says nothing of the others.
 */
export type SeveralTokens = 'first' | 'refuse';

/** `1: bearer`, `2: cookie session`: the tokens of an input, as --pick can name them. */
function listed(all: readonly FoundToken[]): string {
  return all.map((f, i) => `${i + 1}: ${f.as}${f.name === null ? '' : ` ${f.name}`} ${f.token.slice(0, 16)}…`).join(', ');
}

/** Pick the token in the input text. Throws ERR_NO_TOKEN, or ERR_SEVERAL_TOKENS. */
export function pickFromInput(cli: Cli, g: GlobalOptions, input: InputText, pick: string | undefined, several: SeveralTokens = 'first'): LoadedToken {
  const picked = pickToken(input.text, pick);
  if (picked.count > 1 && pick === undefined) {
    if (several === 'refuse') {
      throw new InspectError(
        'ERR_SEVERAL_TOKENS',
        `the input holds ${picked.count} tokens (${listed(picked.all)}); a verdict is about one token: choose it with --pick <name or number>`,
      );
    }
    const names = picked.all.map((f) => f.name ?? f.as);
    note(cli, g, `the input holds ${picked.count} tokens (${names.join(', ')}); using the first, ${names[0]}; choose with --pick <name or number>`);
  }
  return { found: picked.found, from: input.from, count: picked.count };
}

/** Read the input and pick the token in it. Null when there was no input. */
export async function loadToken(
  cli: Cli,
  g: GlobalOptions,
  arg: string | undefined,
  options: SourceOptions,
  several: SeveralTokens = 'first',
): Promise<LoadedToken | null> {
  const input = await readTokenInput(cli, arg, options);
  return input === null ? null : pickFromInput(cli, g, input, options.pick, several);
}
