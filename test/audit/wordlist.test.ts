import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { candidatesIn, MAX_LINE_BYTES, wordBlocks } from '../../src/audit/secrets/wordlist.js';

async function* chunksOf(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : p;
}

/** The candidates the workers would try, as text; tiny blocks so that every boundary case is hit. */
async function lines(...parts: Array<string | Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const block of wordBlocks(chunksOf(...parts), 3)) {
    for (const line of candidatesIn(block)) out.push(new TextDecoder().decode(line));
  }
  return out;
}

describe('wordBlocks and candidatesIn', () => {
  it('splits LF and CRLF lines and skips blank ones', async () => {
    expect(await lines('secret\r\n\r\npassword\n\nchangeme')).toEqual(['secret', 'password', 'changeme']);
  });

  it('joins lines split across chunks, including inside a CRLF and a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('pässwörd\r\nzwei\n');
    expect(await lines(bytes.subarray(0, 2), bytes.subarray(2, 10), bytes.subarray(10, 11), bytes.subarray(11))).toEqual(['pässwörd', 'zwei']);
  });

  it('keeps spaces, drops a byte-order mark at the start', async () => {
    expect(await lines('\ufeffmy key\n too many secrets \n')).toEqual(['my key', ' too many secrets ']);
  });

  it('skips a line longer than 64 KiB, even across many chunks, and goes on after it', async () => {
    const huge = Array.from({ length: 40 }, () => 'x'.repeat(4096));
    expect(await lines('before\nstart', ...huge, 'end\nafter\n', 'y'.repeat(MAX_LINE_BYTES + 1))).toEqual(['before', 'after']);
  });

  it('keeps a line of exactly 64 KiB', async () => {
    expect((await lines('z'.repeat(MAX_LINE_BYTES)))[0]).toHaveLength(MAX_LINE_BYTES);
  });

  it('skips lines that are not UTF-8', async () => {
    expect(await lines(Uint8Array.from([0x61, 0xff, 0x0a, 0x62, 0x0a]))).toEqual(['b']);
  });

  it('is lazy: it yields blocks before the stream ends, each ending at a line end', async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) yield new TextEncoder().encode('ab\ncd');
    }
    const blocks: string[] = [];
    for await (const block of wordBlocks(endless(), 8)) {
      blocks.push(new TextDecoder().decode(block.bytes));
      if (blocks.length === 2) break;
    }
    expect(blocks).toEqual(['ab\ncdab\n', 'cdab\ncdab\n']);
  });

  it('keeps a long line from being buffered: memory stays bounded by the line limit', async () => {
    const sizes: number[] = [];
    async function* huge(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 200; i++) yield new Uint8Array(64 * 1024).fill(0x78);
      yield new TextEncoder().encode('\nlast\n');
    }
    const out: string[] = [];
    for await (const block of wordBlocks(huge(), 1024)) {
      sizes.push(block.bytes.length);
      for (const line of candidatesIn(block)) out.push(new TextDecoder().decode(line));
    }
    expect(out).toEqual(['last']);
    expect(Math.max(...sizes)).toBeLessThan(2 * MAX_LINE_BYTES);
  });

  it('gives the same lines however the bytes are chunked', async () => {
    // Line ends and byte-order marks have examples of their own above.
    const word = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((w) => !/[\r\n\ufeff]/.test(w));
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 20 }), fc.boolean(), fc.array(fc.nat(40), { maxLength: 10 }), async (words, crlf, cuts) => {
        const bytes = new TextEncoder().encode(words.join(crlf ? '\r\n' : '\n'));
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) => bytes.subarray(from, [...points, bytes.length][i]));
        expect(await lines(...chunks)).toEqual(words.filter((w) => w !== ''));
      }),
      fuzzSettings(200),
    );
  });
});
