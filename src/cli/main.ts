import { CommanderError } from 'commander';
import { routeOf } from '../argv-route.js';
import { EXIT, InspectError } from '../errors.js';
import type { Io } from '../io/io.js';
import { escapeTerminal } from '../render/escape.js';
import { toJsonText } from '../render/json.js';
import { newCli } from './context.js';
import { createProgram } from './program.js';

/** Commander's own outcomes that are not failures. */
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/**
 * Run jwt-inspect with these arguments (without `node` and the script) and
 * return the exit code. Never calls process.exit.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const cli = newCli(io);
  const { json, debug } = routeOf(argv);
  try {
    await createProgram(cli, argv).parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (COMMANDER_OK.has(error.code)) return EXIT.ok;
      if (json) writeJsonError(io, 'ERR_USAGE', error.message.replace(/^error: /, ''));
      return EXIT.usage;
    }
    if (error instanceof InspectError) {
      io.stderr.write(`jwt-inspect: ${escapeTerminal(error.message)}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      if (json) writeJsonError(io, error.code, error.message);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `jwt-inspect: internal error: ${escapeTerminal(message)}\nThis is a bug in jwt-inspect; please report it with the command you ran${debug ? '' : ' (rerun with --debug for the stack trace)'}.\n`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    if (json) writeJsonError(io, 'ERR_INTERNAL', message);
    return EXIT.internal;
  }
}

function writeJsonError(io: Io, code: string, message: string): void {
  io.stdout.write(`${toJsonText({ error: { code, message } })}\n`);
}
