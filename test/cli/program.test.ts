import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, ROOT_FLAGS, ROOT_VALUE_OPTIONS } from '../../src/argv-route.js';
import { newCli } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { createProgram } from '../../src/cli/program.js';
import { fakeIo } from '../helpers/fake-io.js';
import { JWT_IO } from '../helpers/tokens.js';

const ALL = [...COMMAND_NAMES];
const built = (argv: string[]): string[] => createProgram(newCli(fakeIo()), argv).commands.map((c) => c.name());

describe('createProgram builds only the commands a run can reach', () => {
  it.each([
    [['decode', JWT_IO], ['decode']],
    [[JWT_IO], ['decode']],
    [[], ['decode']],
    [['--version'], ['decode']],
    [['verify', '--key', 'k.pem', JWT_IO], ['verify']],
    [['-q', '--now', '1700000000', 'verify', JWT_IO], ['verify']],
    [['--json', 'audit', '--help'], ['audit']],
    // An option the root does not know ends routing: `verify` is --pick's value and decode runs.
    [['--pick', 'verify', JWT_IO], ['decode']],
    [['--help'], ALL],
    [['-h'], ALL],
    [[JWT_IO, '--help'], ALL],
    [['help'], ALL],
    [['help', 'verify'], ALL],
    [['completion', 'bash'], ALL],
    [['--now=1700000000', 'verify', JWT_IO], ['verify']],
    [['--', 'verify'], ['verify']],
    // --now takes `verify` as its value: decode is built, and the real parse reports the bad instant.
    [['--now', 'verify', JWT_IO], ['decode']],
  ])('%j -> %j', (argv, names) => {
    expect(built(argv)).toEqual(names);
  });

  it('builds every command when no argv is given', () => {
    expect(createProgram(newCli(fakeIo())).commands.map((c) => c.name())).toEqual(ALL);
  });
});

describe('the routing reads the root options the program declares', () => {
  it('the same value options and flags', () => {
    const root = createProgram(newCli(fakeIo()), []);
    const names = (takesValue: boolean) =>
      root.options
        .filter((o) => (o.required || o.optional) === takesValue)
        .flatMap((o) => [o.short, o.long])
        .filter((n): n is string => n !== undefined)
        .sort();
    expect(names(true)).toEqual([...ROOT_VALUE_OPTIONS].sort());
    expect(names(false)).toEqual(ROOT_FLAGS.filter((f) => f !== '-h' && f !== '--help').sort());
  });
});

describe('runs that depend on the choice', () => {
  async function run(argv: string[]) {
    const io = fakeIo();
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  }

  it('--pick verify still decodes: decode looks for a token named verify', async () => {
    const { code, err } = await run(['--pick', 'verify', JWT_IO]);
    expect(code).toBe(3);
    expect(err).toContain("no token named 'verify' in the input");
  });

  it.each([['--help'], ['-h'], ['help'], [JWT_IO, '--help']])('%s lists every command', async (...argv) => {
    const { code, out } = await run(argv);
    expect(code).toBe(0);
    for (const name of ALL) expect(out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('--now with a bad instant before a command is reported whichever command is built', async () => {
    for (const argv of [
      ['--now', 'verify', JWT_IO],
      ['--now', 'not-a-time', 'verify', JWT_IO],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/--now/);
    }
  });

  it('--json before a usage error answers in JSON; after --, it is an operand', async () => {
    expect(JSON.parse((await run(['--json', 'verify', '--bogus', JWT_IO])).out).error.code).toBe('ERR_USAGE');
    expect((await run(['decode', '--', '--json'])).out).not.toContain('"error"');
  });

  it('completion knows every command', async () => {
    const { out } = await run(['completion', 'bash']);
    for (const name of ALL) expect(out).toContain(name);
  });
});
