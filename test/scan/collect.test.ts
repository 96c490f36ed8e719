import { describe, expect, it } from 'vitest';
import { MAX_LOCATIONS_PER_TOKEN, TokenCollector, type ScannedToken } from '../../src/scan/collect.js';
import type { Examination } from '../../src/scan/examination.js';

const at = (line: number) => ({ file: 'app.log', line, column: 1 });

function examined(sha256: string): Examination {
  return { sha256, kind: 'JWS', alg: 'HS256', kid: null, iss: null, sub: null, timeStatus: 'valid', findings: [], verification: null, details: null };
}

describe('TokenCollector', () => {
  it('announces tokens as first seen, in the order first seen, however their examinations come back', () => {
    const collector = new TokenCollector();
    const announced: ScannedToken[] = [];
    const announce = (t: ScannedToken) => announced.push(t);
    const a = collector.sight('A', at(1))!;
    const b = collector.sight('B', at(2))!;
    const c = collector.sight('C', at(3))!;
    expect(collector.sight('A', at(4))).toBeNull();

    collector.settle(c, examined('c'), announce);
    collector.settle(b, null, announce);
    expect(announced).toEqual([]);
    collector.settle(a, examined('a'), announce);
    expect(announced.map((t) => [t.token, t.occurrences, t.locations])).toEqual([
      ['A', 1, [at(1)]],
      ['C', 1, [at(3)]],
    ]);
    expect(collector.tokens.map((t) => [t.token, t.sha256, t.occurrences, t.locations])).toEqual([
      ['A', 'a', 2, [at(1), at(4)]],
      ['C', 'c', 1, [at(3)]],
    ]);
  });

  it('drops a candidate the decoder refused, and ignores it when seen again', () => {
    const collector = new TokenCollector();
    const bad = collector.sight('bad', at(1))!;
    expect(collector.sight('bad', at(2))).toBeNull();
    collector.settle(bad, null, undefined);
    expect(collector.sight('bad', at(3))).toBeNull();
    expect(collector.tokens).toEqual([]);
  });

  it('keeps a bounded number of locations, and counts every sighting', () => {
    const collector = new TokenCollector();
    const first = collector.sight('A', at(1))!;
    for (let line = 2; line <= MAX_LOCATIONS_PER_TOKEN + 10; line++) collector.sight('A', at(line));
    collector.settle(first, examined('a'), undefined);
    const [token] = collector.tokens;
    expect(token!.occurrences).toBe(MAX_LOCATIONS_PER_TOKEN + 10);
    expect(token!.locations).toHaveLength(MAX_LOCATIONS_PER_TOKEN);
  });

  it('announces thousands of tokens, each once', () => {
    const collector = new TokenCollector();
    const sightings = Array.from({ length: 5000 }, (_, i) => collector.sight(`T${i}`, at(i))!);
    const announced: string[] = [];
    // Each pair comes back in reverse: every other examination waits for the one before it.
    const settled = sightings.map((_, i) => sightings[i ^ 1]!);
    for (const s of settled) collector.settle(s, examined(s.token), (t) => announced.push(t.token));
    expect(announced).toEqual(sightings.map((s) => s.token));
  });
});
