import { describe, expect, it } from 'vitest';
import { runBin, type BinResult } from '../e2e/run-bin.js';
import { hmacToken } from '../helpers/tokens.js';
import {
  DEEP_ARRAYS,
  expectOneLineError,
  hundredMegabytes,
  INVALID_BASE64URL,
  INVALID_UTF8,
  MILLION_CLAIMS,
  NOW,
  PROTO_AND_HUGE_NUMBER,
  TEN_MB_CLAIMS,
} from './hostile-shapes.js';

/**
 * Hostile token input on stdin to verify, scan and diff (decode and audit:
 * hostile-input.test.ts). Each ends within its time bound in one line and
 * exit 3, or in the clean result the contract gives for what it decodes.
 */
const SECRET = 'hardening-secret-that-is-32-byte';
/** An HS256 token over this payload text, byte for byte. */
const signed = (payload: string): string => hmacToken(payload, SECRET);
const PLAIN = signed('{"sub":"42"}');

const COMMANDS = {
  verify: ['verify', '--json', '--secret-env', 'SECRET', ...NOW],
  scan: ['scan', '--json', '--fail-on', 'none', ...NOW],
  diff: ['diff', '--json', ...NOW, '-', PLAIN],
} as const;
type CommandName = keyof typeof COMMANDS;

const run = (command: CommandName, stdin: string | Uint8Array): Promise<BinResult> =>
  runBin([...COMMANDS[command]], { stdin, env: { SECRET }, timeoutMs: 30_000 });

function expectRefused(r: BinResult, message: RegExp): void {
  expect(r.code).toBe(3);
  expectOneLineError(r.stderr);
  expect(r.stderr).toMatch(message);
}

/** scan searches its input rather than parsing it: hostile bytes hold no token, and that is its clean result. */
function expectNothingFound(r: BinResult): void {
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).tokens).toEqual([]);
}

const NO_TOKEN = /no JWT found in the input/;
const OVER_INPUT_LIMIT = /standard input is larger than 16777216 bytes/;

describe.each(['verify', 'diff'] as const)('%s: input that holds no token is refused with one line, exit 3', (command) => {
  it.each([
    ['empty input', '', NO_TOKEN],
    ['invalid UTF-8', INVALID_UTF8, NO_TOKEN],
    ['invalid base64url', INVALID_BASE64URL, NO_TOKEN],
    ['a million claims', signed(MILLION_CLAIMS), OVER_INPUT_LIMIT],
    ['a 10 MB token', signed(TEN_MB_CLAIMS), /tokens over 1048576 bytes are refused/],
  ] as const)('%s', async (_what, stdin, message) => {
    expectRefused(await run(command, stdin), message);
  });

  it('100 MB of random bytes: refused at the input limit', async () => {
    expectRefused(await run(command, hundredMegabytes()), OVER_INPUT_LIMIT);
  });
});

describe('scan: hostile bytes hold no token', () => {
  it.each([
    ['empty input', ''],
    ['invalid UTF-8', INVALID_UTF8],
    ['invalid base64url', INVALID_BASE64URL],
    // A run of token characters longer than 64 KiB is not a token anyone sends: passed over, in bounded memory.
    ['a million claims', signed(MILLION_CLAIMS)],
    ['a 10 MB token', signed(TEN_MB_CLAIMS)],
  ] as const)('%s: no tokens, exit 0', async (_what, stdin) => {
    expectNothingFound(await run('scan', stdin));
  });

  it('100 MB of random bytes: streamed through, no tokens', async () => {
    expectNothingFound(await run('scan', hundredMegabytes()));
  });
});

describe('tokens of hostile shape are reported for what they are', () => {
  const deep = signed(DEEP_ARRAYS);
  const proto = signed(PROTO_AND_HUGE_NUMBER);

  it('verify: 10,000-deep arrays are a payload that is not a claims set, exit 1', async () => {
    const r = await run('verify', deep);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.payload).toBeNull();
    expect(doc.payloadText).toHaveLength(20_000);
    expect(doc.signature.verified).toBe(true);
    expect(doc.verification.valid).toBe(false);
  });

  it('verify: __proto__, constructor and 1e400 are kept as the token has them, and exp 1e400 fails', async () => {
    const r = await run('verify', proto);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).verification.errors).toEqual([expect.objectContaining({ claim: 'exp', message: expect.stringContaining('finite') })]);
    expect(r.stdout).toContain('"__proto__": {\n      "admin": true');
    expect(r.stdout).toContain('"exp": 1e400');
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toContain('bad-numericdate');
  });

  it('scan: both tokens are found and reported', async () => {
    const r = await run('scan', `${deep}\n${proto}\n`);
    expect(r.code).toBe(0);
    const tokens = JSON.parse(r.stdout).tokens as Array<{ payload: unknown; locations: Array<{ line: number }> }>;
    expect(tokens.map((t) => t.locations[0]!.line)).toEqual([1, 2]);
    expect(r.stdout).toContain('"__proto__": {');
  });

  it('diff: the hostile claims are changes like any other, exit 1', async () => {
    const r = await run('diff', proto);
    expect(r.code).toBe(1);
    const paths = JSON.parse(r.stdout).changes.map((c: { path: string }) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['payload.__proto__', 'payload.constructor', 'payload.exp', 'payload.sub']));
    expect((await run('diff', deep)).code).toBe(1);
  });
});
