import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { JsonStream, JsonStreamError, type PathStep } from '../../src/scan/json-stream.js';
import { pieces } from './pieces.js';

/** Every string value with its path, and every closed container, as the stream reports them. */
function events(bytes: Buffer, cuts: readonly number[] = []): string[] {
  const seen: string[] = [];
  const stream = new JsonStream({
    onString(path) {
      const parts: Buffer[] = [];
      return { write: (b) => void parts.push(Buffer.from(b)), end: () => void seen.push(`${JSON.stringify(path)}=${Buffer.concat(parts).toString('utf8')}`) };
    },
    onClose: (path) => void seen.push(`${JSON.stringify(path)} closed`),
  });
  for (const piece of pieces(bytes, cuts)) stream.push(piece);
  stream.end();
  return seen;
}

/** The same events, from JSON.parse. */
function expected(value: unknown, path: PathStep[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') out.push(`${JSON.stringify(path)}=${value}`);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => expected(v, [...path, i], out));
    out.push(`${JSON.stringify(path)} closed`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expected(v, [...path, k], out);
    out.push(`${JSON.stringify(path)} closed`);
  }
  return out;
}

describe('JsonStream', () => {
  it('reports string values with their path, decoding escapes', () => {
    const text = '{"log": {"entries": [{"a": "x\\"\\u00e9\\ud83d\\ude00\\n"}, 12, true, null, []]}}';
    expect(events(Buffer.from(text))).toEqual([
      '["log","entries",0,"a"]=x"é😀\n',
      '["log","entries",0] closed',
      '["log","entries",4] closed',
      '["log","entries"] closed',
      '["log"] closed',
      '[] closed',
    ]);
  });

  it('reads any JSON as JSON.parse does, however the text is cut (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (value, rawCuts, pretty) => {
        const bytes = Buffer.from(JSON.stringify(value, null, pretty ? 2 : 0));
        const cuts = rawCuts.map((c) => c % (bytes.length + 1));
        // Text from JSON.stringify has no duplicate keys, and its key order is the one JSON.parse gives back.
        expect(events(bytes, cuts)).toEqual(expected(JSON.parse(bytes.toString())));
      }),
      fuzzSettings(300),
    );
  });

  it.each(['{"a" 1}', '[1,]', '{"a":1,}', '', '{"a":1} x', '[1 2]', '"\\x"', '{"a":"\\u12G4"}', '[1}', '{"a":[1,2]'])('refuses %j', (text) => {
    expect(() => events(Buffer.from(text))).toThrow(JsonStreamError);
  });
});
