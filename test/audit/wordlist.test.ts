import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, wordlistLines } from '../../src/audit/secrets/wordlist.js';

async function* chunksOf(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : p;
}

async function lines(...parts: Array<string | Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of wordlistLines(chunksOf(...parts))) out.push(line);
  return out;
}

describe('wordlistLines', () => {
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

  it('is lazy: it yields before the stream ends', async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) yield new TextEncoder().encode('w\n');
    }
    const first: string[] = [];
    for await (const line of wordlistLines(endless())) {
      first.push(line);
      if (first.length === 3) break;
    }
    expect(first).toEqual(['w', 'w', 'w']);
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
      { seed: 42, numRuns: 200 },
    );
  });
});
