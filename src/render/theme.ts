import type { ChalkInstance } from 'chalk';
import type { Severity } from '../audit/rule.js';

export type ColorChoice = boolean | undefined;

/**
 * Decide once whether to colour: `--color`/`--no-color` win, then
 * FORCE_COLOR, then NO_COLOR (any non-empty value), then whether stdout is a
 * terminal (and not TERM=dumb).
 */
export function colorLevel(flag: ColorChoice, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env['FORCE_COLOR'];
  const forced = (): 1 | 2 | 3 => (force === '2' ? 2 : force === '3' ? 3 : 1);
  if (flag === false) return 0;
  if (flag === true) return forced();
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : forced();
  if (env['NO_COLOR']) return 0;
  return isTTY && env['TERM'] !== 'dumb' ? 1 : 0;
}

export interface Theme {
  readonly enabled: boolean;
  readonly key: (s: string) => string;
  readonly string: (s: string) => string;
  readonly number: (s: string) => string;
  readonly literal: (s: string) => string;
  readonly punct: (s: string) => string;
  readonly heading: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly good: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly severity: (severity: Severity, s: string) => string;
}

const plain = (s: string): string => s;

/** The theme without colour: no chalk needed, so the common piped case never loads it. */
export const PLAIN_THEME: Theme = {
  enabled: false,
  key: plain,
  string: plain,
  number: plain,
  literal: plain,
  punct: plain,
  heading: plain,
  dim: plain,
  good: plain,
  bad: plain,
  warn: plain,
  severity: (_severity, s) => s,
};

/** The theme for a colour level; chalk is imported only when colour is on. */
export async function loadTheme(level: 0 | 1 | 2 | 3): Promise<Theme> {
  if (level === 0) return PLAIN_THEME;
  const { Chalk } = await import('chalk');
  return colorTheme(new Chalk({ level }));
}

function colorTheme(c: ChalkInstance): Theme {
  const severityStyles: Record<Severity, (s: string) => string> = {
    critical: (s) => c.bold.white.bgRed(s),
    high: (s) => c.bold.red(s),
    medium: (s) => c.yellow(s),
    low: (s) => c.cyan(s),
    info: (s) => c.dim(s),
  };
  return {
    enabled: true,
    key: (s) => c.blue(s),
    string: (s) => c.green(s),
    number: (s) => c.yellow(s),
    literal: (s) => c.magenta(s),
    punct: (s) => c.dim(s),
    heading: (s) => c.bold.underline(s),
    dim: (s) => c.dim(s),
    good: (s) => c.bold.green(s),
    bad: (s) => c.bold.red(s),
    warn: (s) => c.bold.yellow(s),
    severity: (severity, s) => severityStyles[severity](s),
  };
}
