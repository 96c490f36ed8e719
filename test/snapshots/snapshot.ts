// File snapshots of what the built binary prints: one markdown file per case with the command
// line, the exit code, stdout and stderr, so that a refactor that changes any screen shows up as
// a diff a reviewer can read. Regenerate with `npx vitest run test/snapshots -u`, then read the diff.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { AT_FIXTURE_TIME, fixtureToken } from '../verify/helpers/fixtures.js';
import { ROOT, runBin } from '../e2e/run-bin.js';

/** An argument: literal text, or a fixture token from test/fixtures/keys/tokens.json, by name (shown by name, not as 600 characters). */
export type Arg = string | { readonly token: string };

export interface Case {
  /** The snapshot file: test/snapshots/__files__/<name>.md. */
  readonly name: string;
  readonly args: readonly Arg[];
  /** A file, relative to the repository, given on stdin (shown as `< path`); without it stdin is empty and not a terminal. */
  readonly stdinFile?: string;
  /** Extra environment (shown as VAR=value before the command), e.g. the variable --secret-env names. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The instant the fixture tokens in test/fixtures/keys/tokens.json were made for. */
export const FIXTURE_NOW = AT_FIXTURE_TIME;
/** The instant the tokens in examples/ and test/fixtures/scan were made for (5 minutes after their iat). */
export const EXAMPLES_NOW = ['--now', '2026-01-15T12:05:00Z'];

/** What a local HTTP server's origin looks like in a case and in a snapshot; `run` puts the real port in. */
export const PORT = '<port>';

// One HOME and XDG_CACHE_HOME per test file, empty, so that no cache or config of the machine
// (or of another run) changes what the binary prints.
const home = mkdtempSync(join(tmpdir(), 'jwt-inspect-snapshots-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const shellQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command line as a reader would type it; fixture tokens by name. */
export function commandLine(c: Case): string {
  const env = Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)} `);
  const args = c.args.map((a) => (typeof a === 'string' ? shellQuote(a) : `<${a.token} from test/fixtures/keys/tokens.json>`));
  return `$ ${env.join('')}jwt-inspect ${args.join(' ')}${c.stdinFile === undefined ? '' : ` < ${c.stdinFile}`}`;
}

/**
 * Makes the output the same on every machine and run. Each replacement is of something the
 * binary is given by the test, never of what it computes:
 * - the temporary HOME/XDG_CACHE_HOME: mkdtemp names it anew every run (a cache path in an error would show it);
 * - the repository's absolute path: it depends on where the clone is; the outputs should hold
 *   only the relative paths they were given, so `<repo>` in a snapshot is a finding to look at;
 * - the local server's port: the OS picks a free one every run.
 */
export function normalise(text: string, port: number | null): string {
  let out = text.split(home).join('<tmp>').split(ROOT.replace(/\/$/, '')).join('<repo>');
  if (port !== null) out = out.split(`127.0.0.1:${port}`).join(`127.0.0.1:${PORT}`);
  return out;
}

/** A stream in a fenced block; a missing final newline is said, since it is part of the behaviour. */
function section(title: string, text: string): string {
  if (text === '') return `## ${title}\n\n(empty)\n`;
  const longestTicks = Math.max(0, ...(text.match(/`+/g) ?? []).map((t) => t.length));
  const fence = '`'.repeat(Math.max(3, longestTicks + 1));
  const body = text.endsWith('\n') ? text : `${text}\n(no newline at the end)\n`;
  return `## ${title}\n\n${fence}text\n${body}${fence}\n`;
}

/** Run one case with the built binary and return its snapshot text. */
export async function run(c: Case, port: number | null = null): Promise<string> {
  const withPort = (s: string): string => (port === null ? s : s.split(PORT).join(String(port)));
  const args = c.args.map((a) => (typeof a === 'string' ? withPort(a) : fixtureToken(a.token)));
  const r = await runBin(args, {
    cwd: ROOT,
    // Paths in the output are the relative ones given, from the repository root.
    ...(c.stdinFile === undefined ? {} : { stdin: readFileSync(join(ROOT, c.stdinFile)) }),
    // runBin already gives only PATH, HOME and NO_COLOR=1 (no colour, and no terminal: stdio are pipes).
    // TZ is fixed to a zone with an unusual offset, so that a time printed in local time would show.
    env: { HOME: home, XDG_CACHE_HOME: home, TZ: 'Asia/Kathmandu', ...c.env },
  });
  const exit = r.signal === null ? `exit ${r.code}` : `killed by ${r.signal}`;
  const text = [`# ${c.name}\n`, `${commandLine(c)}\n`, `${exit}\n`, section('stdout', r.stdout), section('stderr', r.stderr)].join('\n');
  return normalise(text, port);
}

/** Run the case and compare it with its file snapshot. */
export async function expectSnapshot(c: Case, expectFn: typeof expect, port: number | null = null): Promise<void> {
  await expectFn(await run(c, port)).toMatchFileSnapshot(`__files__/${c.name}.md`);
}
