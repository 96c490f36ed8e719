import { describe, expect, it } from 'vitest';
import { cacheName, DEFAULT_MAX_AGE, encodeEntry, isFresh, LONGEST_MAX_AGE, maxAgeOf, parseEntry } from '../../src/keys/cache-entry.js';

describe('cache entries', () => {
  it.each([
    [undefined, DEFAULT_MAX_AGE],
    ['public, max-age=60', 60],
    ['max-age="120"', 120],
    ['Max-Age=0', 0],
    ['no-store', 0],
    ['no-cache, max-age=60', 0],
    ['max-age=31536000', LONGEST_MAX_AGE],
    ['private', DEFAULT_MAX_AGE],
  ])('Cache-Control %j keeps a document %i seconds', (header, seconds) => {
    expect(maxAgeOf(header)).toBe(seconds);
  });

  const URL = 'https://idp.example/jwks';
  const entry = encodeEntry(URL, 1000, 60, '{"keys":[]}');

  it('reads an entry for its own URL only, fresh for its max-age', () => {
    const parsed = parseEntry(entry, URL)!;
    expect(parsed.body).toBe('{"keys":[]}');
    expect([999, 1000, 1059, 1060].map((now) => isFresh(parsed, now))).toEqual([false, true, true, false]);
    expect(parseEntry(entry, 'https://other.example/jwks')).toBeNull();
  });

  it.each([
    '',
    'not json',
    '[]',
    'null',
    '{"url":"https://idp.example/jwks","fetchedAt":"1000","maxAge":60,"body":"{}"}',
    '{"url":"https://idp.example/jwks","fetchedAt":1000,"maxAge":60}',
  ])('finds the entry %j corrupt', (text) => {
    expect(parseEntry(text, URL)).toBeNull();
  });

  it('names entries by a hash of the URL', () => {
    expect(cacheName(URL)).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(cacheName(URL)).not.toBe(cacheName(`${URL}?x`));
  });
});
