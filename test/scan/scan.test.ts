import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenExaminer, type Examine } from '../../src/scan/examiner.js';
import { pathFilter } from '../../src/scan/filter.js';
import { scanPaths, type ScanOptions } from '../../src/scan/scan.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { jws, JWT_IO } from '../helpers/tokens.js';

const OTHER = jws({ alg: 'HS256', kid: 'k2' }, { sub: 'bob', exp: 1_700_000_600 });

function scan(paths: string[], io: FakeIoOptions = {}, options: Partial<ScanOptions> = {}) {
  const notes: string[] = [];
  const firstSeen: string[] = [];
  const result = scanPaths(fakeIo(io), {
    paths,
    filter: pathFilter([], []),
    examine: tokenExaminer({ now: 1_700_000_000, leeway: 0 }, null, false),
    verifies: false,
    signal: new AbortController().signal,
    outputClosed: () => false,
    onNote: (path, note) => notes.push(`${path}: ${note}`),
    onToken: (t) => firstSeen.push(t.token),
    ...options,
  });
  return { result, notes, firstSeen };
}

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'jwt-inspect-scan-'));
  mkdirSync(join(root, 'logs'));
  writeFileSync(join(root, 'logs/app.log'), `start\nAuthorization: Bearer ${JWT_IO}\n`);
  writeFileSync(join(root, 'logs/core.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(JWT_IO)]));
  writeFileSync(join(root, 'broken.har'), `{"log": {"entries": [ ${OTHER}`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scanPaths', () => {
  it('reads stdin in chunks and finds a token split between them', async () => {
    const half = 40;
    const { result, firstSeen } = scan([], { stdinStream: () => chunks(`x\n${JWT_IO.slice(0, half)}`, `${JWT_IO.slice(half)} ${JWT_IO}`) });
    const { tokens, progress, stopped } = await result;
    expect(tokens.map((t) => t.locations)).toEqual([
      [
        { file: '-', line: 2, column: 1 },
        { file: '-', line: 2, column: JWT_IO.length + 2 },
      ],
    ]);
    expect(tokens[0]!.occurrences).toBe(2);
    expect(firstSeen).toEqual([JWT_IO]);
    expect(progress).toEqual({ files: 1, bytes: 2 + 2 * JWT_IO.length + 1, skipped: 0, tokens: 1 });
    expect(stopped).toBe(false);
  });

  it('walks folders, skipping binary files silently, and reads a broken HAR as text', async () => {
    const { result, notes } = scan([root]);
    const { tokens, progress } = await result;
    expect(tokens.map((t) => [t.token, t.locations])).toEqual([
      [OTHER, [{ file: join(root, 'broken.har'), line: 1, column: 23 }]],
      [JWT_IO, [{ file: join(root, 'logs/app.log'), line: 2, column: 23 }]],
    ]);
    expect(progress).toMatchObject({ files: 2, skipped: 1, tokens: 2 });
    expect(notes).toEqual([`${join(root, 'broken.har')}: not a HAR 1.2 document; scanned as text`]);
  });

  it('scans a binary file that is named, not found in a folder', async () => {
    const { tokens } = await scan([join(root, 'logs/core.bin')]).result;
    expect(tokens.map((t) => t.locations)).toEqual([[{ file: join(root, 'logs/core.bin'), line: 1, column: 4 }]]);
  });

  it('stops at once on the signal, even while stdin is silent, with what it found so far', async () => {
    const stop = new AbortController();
    async function* silentAfterOne(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${JWT_IO}\n`);
      stop.abort();
      await new Promise(() => undefined);
    }
    const { tokens, stopped } = await scan(['-'], { stdinStream: silentAfterOne }, { signal: stop.signal }).result;
    expect(stopped).toBe(true);
    expect(tokens.map((t) => t.token)).toEqual([JWT_IO]);
  });

  it('stops between chunks once the output is closed', async () => {
    let closed = false;
    const { result } = scan(
      ['-'],
      { stdinStream: () => chunks(`${JWT_IO}\n`, `${OTHER}\n`) },
      {
        outputClosed: () => closed,
        onToken: () => (closed = true),
      },
    );
    const { tokens, stopped } = await result;
    expect(stopped).toBe(true);
    expect(tokens.map((t) => t.token)).toEqual([JWT_IO]);
  });

  it('drops a candidate whose header decodes but whose payload does not', async () => {
    const bad = `${JWT_IO.split('.')[0]}.eyJzdWIi0.sig`;
    const { tokens } = await scan(['-'], { stdin: `${bad} ${bad}` }).result;
    expect(tokens).toEqual([]);
  });
});

describe('scanPaths examinations', () => {
  const tokens = [JWT_IO, OTHER, jws({ alg: 'HS256' }, { sub: 'carol' })];

  it('examines tokens while reading on, and announces them in the order first seen', async () => {
    // The first token's examination ends last.
    const delays = new Map([
      [tokens[0]!, 30],
      [tokens[1]!, 10],
      [tokens[2]!, 0],
    ]);
    const inThread = tokenExaminer({ now: 1_700_000_000, leeway: 0 }, null, false);
    const examine: Examine = async (found, from) => {
      await new Promise((resolve) => setTimeout(resolve, delays.get(found.token)));
      return inThread(found, from);
    };
    const { result, firstSeen } = scan(['-'], { stdin: tokens.join('\n') }, { examine });
    expect((await result).tokens.map((t) => t.token)).toEqual(tokens);
    expect(firstSeen).toEqual(tokens);
  });

  it('stops and throws what kept a token from being examined, once the others are done', async () => {
    const failure = new Error('the keys could not be fetched again');
    const finished: string[] = [];
    const examine: Examine = async (found) => {
      await new Promise((resolve) => setTimeout(resolve, found.token === tokens[1] ? 0 : 20));
      if (found.token === tokens[1]) throw failure;
      finished.push(found.token);
      return null;
    };
    await expect(scan(['-'], { stdin: tokens.join('\n') }, { examine }).result).rejects.toBe(failure);
    expect(finished).toEqual([tokens[0], tokens[2]]);
  });
});
