import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crackSecret as crackFromSource, type CrackOptions } from '../../src/audit/secrets/crack-pool.js';
import { wordBlocks } from '../../src/audit/secrets/wordlist.js';
import { decodeToken } from '../../src/token/decode.js';
import { hmacToken } from '../helpers/tokens.js';
import { QUIET_CLAIMS } from './helpers.js';
import { JWT_IO, JWT_TOOL } from './vectors.js';

/**
 * A worker thread cannot load TypeScript, so the pool runs the built worker
 * (dist/crack-worker.js): `npm test` builds before it tests.
 */
const WORKER = new URL('../../dist/crack-worker.js', import.meta.url);
if (!existsSync(WORKER)) throw new Error('dist/crack-worker.js is missing: run `npm run build` first (npm test does)');

const crackSecret = (token: Parameters<typeof crackFromSource>[0], words: AsyncIterable<string>, options: CrackOptions = {}) =>
  crackFromSource(token, wordBlocks(asBytes(words), 4096), { ...options, workerUrl: WORKER });

/** The candidates as a wordlist file would stream them: lines in chunks. */
async function* asBytes(words: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  let lines: string[] = [];
  for await (const word of words) {
    lines.push(word);
    if (lines.length === 1000) {
      yield Buffer.from(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) yield Buffer.from(`${lines.join('\n')}\n`);
}

async function* words(list: Iterable<string>): AsyncGenerator<string> {
  yield* list;
}

function* filler(count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield `not-it-${i}`;
}

describe('crackSecret', () => {
  it('finds the secret on several workers and counts the tries', async () => {
    const progress: number[] = [];
    const result = await crackSecret(decodeToken(JWT_IO), words([...filler(10_000), 'your-256-bit-secret', ...filler(50_000)]), {
      workers: 2,
      onProgress: (tries) => progress.push(tries),
    });
    expect(result.match).toBe('your-256-bit-secret');
    // Batches finish out of order across workers: tries counts what was tested by the time of the match.
    expect(result.tries).toBeGreaterThanOrEqual(1);
    expect(result.tries).toBeLessThan(60_001);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('tries every candidate when none matches (the jwt_tool token)', async () => {
    const result = await crackSecret(decodeToken(JWT_TOOL), words(filler(9_000)), { workers: 3 });
    expect(result).toEqual({ match: null, tries: 9_000 });
  });

  it('strips a trailing CR and handles HS512', async () => {
    const token = decodeToken(hmacToken(QUIET_CLAIMS, 'changeme', 'HS512'));
    expect(await crackSecret(token, words(['a\r', 'changeme\r']))).toEqual({ match: 'changeme', tries: 2 });
  });

  it('stops early on abort', async () => {
    const controller = new AbortController();
    async function* endless(): AsyncGenerator<string> {
      for (let i = 0; ; i++) yield `w${i}`;
    }
    const result = await crackSecret(decodeToken(JWT_IO), endless(), {
      workers: 2,
      signal: controller.signal,
      onProgress: (tries) => {
        if (tries >= 5_000) controller.abort();
      },
    });
    expect(result.match).toBeNull();
    expect(result.tries).toBeGreaterThanOrEqual(5_000);
  });

  it('does nothing for a token that is not HS*, or with an aborted signal', async () => {
    const none = decodeToken('eyJhbGciOiJub25lIn0.e30.');
    expect(await crackSecret(none, words(['secret']))).toEqual({ match: null, tries: 0 });
    expect(await crackSecret(decodeToken(JWT_IO), words(['your-256-bit-secret']), { signal: AbortSignal.abort() })).toEqual({ match: null, tries: 0 });
  });

  it('passes on an error of the candidate source', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a';
      throw new Error('read failed');
    }
    await expect(crackSecret(decodeToken(JWT_IO), failing(), { workers: 1 })).rejects.toThrow('read failed');
  });
});
