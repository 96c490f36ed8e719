import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import { colorLevel, loadTheme, PLAIN_THEME, type Theme } from '../render/theme.js';
import { escapeTerminal } from '../render/escape.js';
import { exitCodeFor, type Outcome } from './exit-code.js';

/** What every command shares: the outside world and the exit code it will return. */
export interface Cli {
  readonly io: Io;
  exitCode: number;
  /** Decided once per run, before the action, by decideTheme. */
  theme: Theme;
}

type RawGlobals = { json?: boolean; color?: boolean; now?: number; leeway?: number; quiet?: boolean; debug?: boolean };

export function newCli(io: Io): Cli {
  return { io, exitCode: 0, theme: PLAIN_THEME };
}

/** Colour for this run: from the flags, the environment and whether stdout is a terminal; never for JSON. */
export async function decideTheme(cli: Cli, cmd: Command): Promise<void> {
  const o = cmd.optsWithGlobals<RawGlobals>();
  cli.theme = await loadTheme(o.json === true ? 0 : colorLevel(o.color, cli.io.env, cli.io.stdout.isTTY));
}

export interface GlobalOptions {
  readonly json: boolean;
  readonly color: boolean | undefined;
  readonly now: number;
  readonly leeway: number;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly theme: Theme;
}

/** The global options as a command sees them, with the clock and colours decided once. */
export function globalOptions(cli: Cli, cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<RawGlobals>();
  return {
    json: o.json === true,
    color: o.color,
    now: o.now ?? Math.floor(cli.io.now()),
    leeway: o.leeway ?? 0,
    quiet: o.quiet === true,
    debug: o.debug === true,
    theme: cli.theme,
  };
}

/** A diagnostic on stderr (never stdout, so `--json` stays one document). */
export function note(cli: Cli, g: GlobalOptions, message: string): void {
  if (!g.quiet) cli.io.stderr.write(`jwt-inspect: ${escapeTerminal(message)}\n`);
}

/**
 * How every command's action ends: the command's help on stderr when there
 * was no input, and the exit code exitCodeFor gives what the run found.
 */
export function settle(cli: Cli, cmd: Command, outcome: Outcome): void {
  if (outcome.command === 'no-input') cli.io.stderr.write(cmd.helpInformation());
  cli.exitCode = exitCodeFor(outcome);
}
