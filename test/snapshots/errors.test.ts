// The main errors: one line on stderr, the exit code of the contract (README "Exit codes"), and with
// --json the error object on stdout. Pinned per case in __files__/<name>.md (see snapshot.ts).
import { describe, it } from 'vitest';
import { expectSnapshot, FIXTURE_NOW, type Case } from './snapshot.js';

const RS256 = { token: 'RS256' };

const CASES: readonly Case[] = [
  // exit 2: usage
  { name: 'error-unknown-option', args: ['decode', '--frobnicate'] },
  { name: 'error-verify-without-key', args: [...FIXTURE_NOW, 'verify', RS256] },
  { name: 'error-two-token-sources', args: ['decode', '--file', 'examples/sensitive-token.txt', RS256] },
  { name: 'error-completion-unknown-shell', args: ['completion', 'tcsh'] },
  { name: 'error-sign-without-key', args: ['sign', '--sub', 'alice'] },
  // exit 3: input
  { name: 'error-no-token', args: ['decode', 'hello world'] },
  { name: 'error-no-token-json', args: ['--json', 'decode', 'hello world'] },
  { name: 'error-malformed-token', args: ['decode', 'bm90IGpzb24.eyJzdWIiOiIxIn0.c2ln'] },
  { name: 'error-token-file-missing', args: ['decode', '--file', 'no/such/token.txt'] },
  { name: 'error-key-file-missing', args: [...FIXTURE_NOW, 'verify', '--key', 'no/such/key.pem', RS256] },
  { name: 'error-key-file-not-a-key', args: [...FIXTURE_NOW, 'verify', '--key', 'README.md', RS256] },
  {
    name: 'error-verify-several-tokens',
    args: [...FIXTURE_NOW, 'verify', '--key', 'test/fixtures/keys/rsa.pub.pem'],
    stdinFile: 'examples/token-response.json',
  },
];

describe('errors and their exit codes (built binary, file snapshots)', () => {
  // Concurrent: each case is a process start; the context's expect is the one concurrent tests must use.
  it.concurrent.for(CASES)('$name', async (c, { expect }) => {
    await expectSnapshot(c, expect);
  });
});
