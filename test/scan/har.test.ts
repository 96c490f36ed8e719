import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { foundIn, pairHolding, urlWithoutQuery } from '../../src/scan/har.js';
import { HarWalker } from '../../src/scan/har-walk.js';
import { JsonStream } from '../../src/scan/json-stream.js';
import { JWT_IO } from '../helpers/tokens.js';
import { pieces } from './pieces.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/scan/${name}`, import.meta.url));
const HAR = fixture('session.har');
const TOKENS: Record<string, string> = JSON.parse(fixture('tokens.json').toString());

/** Walk a HAR text fed in pieces cut at these offsets. */
function walk(bytes: Buffer, cuts: readonly number[] = []): HarWalker {
  const walker = new HarWalker();
  const stream = new JsonStream(walker);
  for (const piece of pieces(bytes, cuts)) stream.push(piece);
  stream.end();
  return walker;
}

const har = (entries: unknown[]): Buffer => Buffer.from(JSON.stringify({ log: { version: '1.2', entries } }));

describe('HarWalker', () => {
  const walker = walk(HAR);
  const where = (token: string) => walker.hits.filter((h) => h.found.token === token).map((h) => `${h.entry} ${h.field}`);

  it('names every place of every entry where a token is, by entry and field', () => {
    expect(walker.sawEntries).toBe(true);
    expect(where(TOKENS['session']!)).toEqual(['0 request.headers.cookie', '0 request.cookies.session']);
    expect(where(TOKENS['access']!)).toEqual(['1 response.content.text', '3 request.headers.authorization']);
    expect(where(TOKENS['id']!)).toEqual(['1 response.content.text', '2 request.queryString.id_token']);
    expect(where(TOKENS['unsecured']!)).toEqual(['2 response.headers.set-cookie', '2 response.cookies.debug']);
  });

  it('decodes base64 bodies, though `encoding` comes after `text`', () => {
    expect(where(TOKENS['inBinaryBody']!)).toEqual(['4 response.content.text']);
  });

  it('holds each token the way its field holds it, for the audit rules', () => {
    const holding = (token: string, field: string) => {
      const f = walker.hits.find((h) => h.found.token === token && h.field === field)!.found;
      return { as: f.as, name: f.name, setCookie: f.setCookie?.name ?? null };
    };
    expect(holding(TOKENS['session']!, 'request.headers.cookie')).toEqual({ as: 'cookie', name: 'session', setCookie: null });
    expect(holding(TOKENS['access']!, 'request.headers.authorization')).toEqual({ as: 'bearer', name: null, setCookie: null });
    expect(holding(TOKENS['id']!, 'request.queryString.id_token')).toEqual({ as: 'url', name: 'id_token', setCookie: null });
    expect(holding(TOKENS['unsecured']!, 'response.headers.set-cookie')).toEqual({ as: 'cookie', name: 'debug', setCookie: 'debug' });
  });

  it('finds the same, however the file is cut into chunks (property)', () => {
    const whole = walker.hits;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: HAR.length }), { maxLength: 20 }), (cuts) => {
        expect(walk(HAR, cuts).hits).toEqual(whole);
      }),
      fuzzSettings(100),
    );
  });

  it('reads post data, the URL path and fragment, and a value written before its name', () => {
    const text = har([
      {
        request: {
          url: `https://a.example/reset/${JWT_IO}?q=${JWT_IO}#t=${JWT_IO}`,
          headers: [{ value: `Bearer ${JWT_IO}`, name: 'Authorization' }],
          postData: { text: `{"jwt":"${JWT_IO}"}`, params: [{ name: 'assertion', value: JWT_IO }] },
        },
      },
    ]);
    expect(walk(text).hits.map((h) => h.field)).toEqual([
      'request.url',
      'request.url',
      'request.headers.Authorization',
      'request.postData.text',
      'request.postData.params.assertion',
    ]);
  });

  it('says when the JSON is not a HAR', () => {
    expect(walk(Buffer.from(`{"entries": ["${JWT_IO}"]}`)).sawEntries).toBe(false);
  });
});

describe('HAR field meaning', () => {
  it('names the cookie of a Cookie header that holds the token', () => {
    expect(foundIn(pairHolding('headers', 'Cookie', 'a=1; jwt=eyJx.y.z'), 'eyJx.y.z')).toEqual({ token: 'eyJx.y.z', as: 'cookie', name: 'jwt' });
  });

  it.each([
    ['https://a/b?x=1#f', 'https://a/b#f'],
    ['https://a/b?x=1', 'https://a/b'],
    ['https://a/b#f?x', 'https://a/b#f?x'],
  ])('drops the query of %s', (url, expected) => {
    expect(urlWithoutQuery(url)).toBe(expected);
  });
});
