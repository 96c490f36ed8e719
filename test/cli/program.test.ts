import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/commands-to-build.js';
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
    // A global option that fails: all, and the real parse reports it (here --now takes `verify` as its value).
    [['--now', 'not-a-time', 'verify'], ALL],
    [['--now', 'verify', JWT_IO], ALL],
  ])('%j -> %j', (argv, names) => {
    expect(built(argv)).toEqual(names);
  });

  it('builds every command when no argv is given', () => {
    expect(createProgram(newCli(fakeIo())).commands.map((c) => c.name())).toEqual(ALL);
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

  it('completion knows every command', async () => {
    const { out } = await run(['completion', 'bash']);
    for (const name of ALL) expect(out).toContain(name);
  });
});
