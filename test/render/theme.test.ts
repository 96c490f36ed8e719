import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/audit/rule.js';
import { colorLevel, loadTheme, PLAIN_THEME, type ColorChoice, type Theme } from '../../src/render/theme.js';

/** ESC shown as a visible character, so that expectations can be read. */
const visible = (s: string): string => s.replaceAll('\u001b', '␛');

type Env = Record<string, string | undefined>;

describe('colorLevel: the colour decision, made once per run', () => {
  it.each<[string, ColorChoice, Env, boolean, 0 | 1 | 2 | 3]>([
    ['a terminal colours', undefined, {}, true, 1],
    ['a pipe does not', undefined, {}, false, 0],
    ['TERM=dumb does not, even on a terminal', undefined, { TERM: 'dumb' }, true, 0],
    ['another TERM does', undefined, { TERM: 'xterm-256color' }, true, 1],
    ['NO_COLOR with a value turns it off on a terminal', undefined, { NO_COLOR: '1' }, true, 0],
    ['NO_COLOR empty is not set (no-color.org)', undefined, { NO_COLOR: '' }, true, 1],
    ['FORCE_COLOR colours a pipe', undefined, { FORCE_COLOR: '1' }, false, 1],
    ['FORCE_COLOR=2 asks for 256 colours', undefined, { FORCE_COLOR: '2' }, false, 2],
    ['FORCE_COLOR=3 asks for true colour', undefined, { FORCE_COLOR: '3' }, false, 3],
    ['FORCE_COLOR empty still forces (as chalk reads it)', undefined, { FORCE_COLOR: '' }, false, 1],
    ['FORCE_COLOR=0 turns it off on a terminal', undefined, { FORCE_COLOR: '0' }, true, 0],
    ['FORCE_COLOR=false turns it off on a terminal', undefined, { FORCE_COLOR: 'false' }, true, 0],
    ['FORCE_COLOR wins over NO_COLOR', undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, 1],
    ['FORCE_COLOR wins over TERM=dumb', undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, false, 1],
    ['--color colours a pipe', true, {}, false, 1],
    ['--color wins over NO_COLOR', true, { NO_COLOR: '1' }, false, 1],
    ['--color wins over FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, false, 1],
    ['--color keeps the depth FORCE_COLOR asks for', true, { FORCE_COLOR: '3' }, false, 3],
    ['--no-color wins over a terminal', false, {}, true, 0],
    ['--no-color wins over FORCE_COLOR', false, { FORCE_COLOR: '3' }, true, 0],
  ])('%s', (_what, flag, env, isTTY, level) => {
    expect(colorLevel(flag, env, isTTY)).toBe(level);
  });
});

describe('PLAIN_THEME: no colour', () => {
  it('is what level 0 loads, and every style gives its text back unchanged', async () => {
    expect(await loadTheme(0)).toBe(PLAIN_THEME);
    expect(PLAIN_THEME.enabled).toBe(false);
    const styles = ['key', 'string', 'number', 'literal', 'punct', 'heading', 'dim', 'good', 'bad', 'warn'] as const;
    expect(styles.map((name) => PLAIN_THEME[name]('"text" 1'))).toEqual(styles.map(() => '"text" 1'));
    expect(SEVERITIES.map((s) => PLAIN_THEME.severity(s, 'HIGH'))).toEqual(SEVERITIES.map(() => 'HIGH'));
  });
});

describe('loadTheme: colour', () => {
  const STYLES: ReadonlyArray<readonly [keyof Theme & string, string]> = [
    ['key', '␛[34mx␛[39m'],
    ['string', '␛[32mx␛[39m'],
    ['number', '␛[33mx␛[39m'],
    ['literal', '␛[35mx␛[39m'],
    ['punct', '␛[2mx␛[22m'],
    ['heading', '␛[1m␛[4mx␛[24m␛[22m'],
    ['dim', '␛[2mx␛[22m'],
    ['good', '␛[1m␛[32mx␛[39m␛[22m'],
    ['bad', '␛[1m␛[31mx␛[39m␛[22m'],
    ['warn', '␛[1m␛[33mx␛[39m␛[22m'],
  ];

  it.each([1, 2, 3] as const)('level %i styles each kind of text with the basic ANSI colours', async (level) => {
    const theme = await loadTheme(level);
    expect(theme.enabled).toBe(true);
    const styled = STYLES.map(([name]) => [name, visible((theme[name] as (s: string) => string)('x'))]);
    expect(styled).toEqual(STYLES);
  });

  it('marks each severity its own way, critical the loudest', async () => {
    const theme = await loadTheme(1);
    expect(Object.fromEntries(SEVERITIES.map((s) => [s, visible(theme.severity(s, 'x'))]))).toEqual({
      critical: '␛[1m␛[37m␛[41mx␛[49m␛[39m␛[22m',
      high: '␛[1m␛[31mx␛[39m␛[22m',
      medium: '␛[33mx␛[39m',
      low: '␛[36mx␛[39m',
      info: '␛[2mx␛[22m',
    });
  });

  it('adds nothing around empty text', async () => {
    const theme = await loadTheme(1);
    expect([theme.heading(''), theme.severity('critical', '')]).toEqual(['', '']);
  });
});
