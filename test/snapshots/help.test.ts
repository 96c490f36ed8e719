// The help screens, --version and the completion scripts, pinned per case in __files__/<name>.md (see snapshot.ts).
// stdout is a pipe, not a terminal, so the help is wrapped at commander's default width, the same on every machine.
import { describe, it } from 'vitest';
import { expectSnapshot, type Case } from './snapshot.js';

const COMMANDS = ['decode', 'verify', 'audit', 'scan', 'sign', 'diff', 'jwks', 'completion'] as const;

const CASES: readonly Case[] = [
  { name: 'help-root', args: ['--help'] },
  ...COMMANDS.map((command): Case => ({ name: `help-${command}`, args: [command, '--help'] })),
  { name: 'version', args: ['--version'] },
  ...(['bash', 'zsh', 'fish'] as const).map((shell): Case => ({ name: `completion-${shell}`, args: ['completion', shell] })),
];

describe('help, version and completion (built binary, file snapshots)', () => {
  // Concurrent: each case is a process start; the context's expect is the one concurrent tests must use.
  it.concurrent.for(CASES)('$name', async (c, { expect }) => {
    await expectSnapshot(c, expect);
  });
});
