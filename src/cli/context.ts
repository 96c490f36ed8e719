import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import { colorLevel, createTheme, type Theme } from '../render/theme.js';
import { escapeTerminal } from '../render/escape.js';

/** What every command shares: the outside world and the exit code it will return. */
export interface Cli {
  readonly io: Io;
  exitCode: number;
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
  const o = cmd.optsWithGlobals<{ json?: boolean; color?: boolean; now?: number; leeway?: number; quiet?: boolean; debug?: boolean }>();
  const json = o.json === true;
  return {
    json,
    color: o.color,
    now: o.now ?? Math.floor(cli.io.now()),
    leeway: o.leeway ?? 0,
    quiet: o.quiet === true,
    debug: o.debug === true,
    theme: createTheme(json ? 0 : colorLevel(o.color, cli.io.env, cli.io.stdout.isTTY)),
  };
}

/** A diagnostic on stderr (never stdout, so `--json` stays one document). */
export function note(cli: Cli, g: GlobalOptions, message: string): void {
  if (!g.quiet) cli.io.stderr.write(`jwt-inspect: ${escapeTerminal(message)}\n`);
}
