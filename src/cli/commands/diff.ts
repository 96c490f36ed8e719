import { Command } from 'commander';
import { diffTokens, type DiffSide } from '../../claims/diff.js';
import { claimPathText } from '../../claims/path-text.js';
import { InspectError, usageError } from '../../errors.js';
import { diffJson } from '../../render/diff-json.js';
import { diffText } from '../../render/diff-text.js';
import { tokenParts } from '../../report/inspect.js';
import { decodeToken } from '../../token/decode.js';
import { isCompactToken } from '../../token/extract.js';
import { globalOptions, settle, type Cli, type GlobalOptions } from '../context.js';
import type { Outcome } from '../exit-code.js';
import { loadToken, type LoadedToken } from '../input.js';
import { claimPathOption, collect } from '../parsers.js';

interface DiffOptions {
  readonly pick?: string;
  readonly ignore?: string[];
}

const EXAMPLES = `
Examples:
  $ jwt-inspect diff "$OLD_TOKEN" "$NEW_TOKEN"
  $ jwt-inspect diff before.jwt after.jwt --ignore iat --ignore exp --ignore jti
  $ curl -s https://idp.example.com/token ... | jwt-inspect diff --pick id_token - expected.jwt
  $ jwt-inspect diff --json a.jwt b.jwt | jq '.changes[].path'
  $ jwt-inspect diff -q a.jwt b.jwt && echo "same claims"

Exit codes: 0 the tokens say the same, 1 they differ (as diff(1)), 2 usage, 3 bad input.
`;

/** The header and what the payload holds: the claims, else its text, else (a JWE) nothing readable. */
function sideOf(loaded: LoadedToken): DiffSide {
  const parts = tokenParts(decodeToken(loaded.found.token));
  const text = parts.payloadText ?? parts.payloadBase64url;
  return { header: parts.header, payload: parts.payload ?? (text === null ? null : { type: 'string', value: text }) };
}

/**
 * One side: `-` is stdin; a compact token is itself; else a file of that
 * name; else text holding a token (a Bearer header, a URL, JSON). `--pick`
 * chooses among the tokens of an input that holds several.
 */
async function loadSide(cli: Cli, g: GlobalOptions, arg: string, pick: string | undefined): Promise<DiffSide> {
  if (isCompactToken(arg.trim())) return sideOf((await loadToken(cli, g, arg, {}))!);
  if (arg === '-') return sideOf((await loadToken(cli, g, arg, { pick }))!);
  let unreadable: InspectError;
  try {
    return sideOf((await loadToken(cli, g, undefined, { file: arg, pick }))!);
  } catch (error) {
    if (!(error instanceof InspectError) || error.code !== 'ERR_READ_FAILED') throw error;
    unreadable = error;
  }
  try {
    return sideOf((await loadToken(cli, g, arg, { pick }))!);
  } catch (error) {
    if (!(error instanceof InspectError)) throw error;
    const shown = arg.length > 60 ? `${arg.slice(0, 60)}…` : arg;
    throw new InspectError(error.code, `${shown}: neither a readable file (${unreadable.message}) nor a token (${error.message})`, { cause: error });
  }
}

export function diffCommand(cli: Cli): Command {
  return new Command('diff')
    .summary('what changed between two tokens (claims, header, times)')
    .description(
      'Compare two tokens: header members and claims added, removed and changed (nested paths), scopes and roles as sets, and the times side by side. Signatures are not compared. Exit 0 when the tokens say the same, 1 when they differ.',
    )
    .argument('<a>', 'the first token, text holding one, a file, or - for stdin')
    .argument('<b>', 'the second token, text holding one, a file, or - for stdin')
    .option(
      '--pick <name>',
      'when an input (a file, stdin) holds several tokens, take the one with this cookie, parameter or JSON key name, or at this position (1, 2, ...)',
    )
    .option('--ignore <path>', 'leave out changes at or below this claim path (header.kid for the header), repeatable', collect)
    .addHelpText('after', EXAMPLES)
    .action(async (a: string, b: string, o: DiffOptions, cmd: Command) => {
      settle(cli, cmd, await runDiff(cli, globalOptions(cli, cmd), [a, b], o));
    });
}

/** The diff action: load both sides, compare them, print the changes. */
async function runDiff(cli: Cli, g: GlobalOptions, [a, b]: readonly [string, string], o: DiffOptions): Promise<Outcome> {
  if (a === '-' && b === '-') throw usageError('only one of the two tokens can come from stdin');
  const ignore = (o.ignore ?? []).map((text) => claimPathText(claimPathOption('--ignore', text)));
  const diff = diffTokens(await loadSide(cli, g, a, o.pick), await loadSide(cli, g, b, o.pick), g.now, ignore);
  if (g.json) cli.io.stdout.write(diffJson(diff));
  else if (!g.quiet) cli.io.stdout.write(diffText(diff, g.theme));
  return { command: 'diff', same: diff.same };
}
