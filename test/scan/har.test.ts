import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokensInHar } from '../../src/scan/har-scan.js';
import { foundInField, harEntries, harFields } from '../../src/scan/har.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/scan/${name}`, import.meta.url), 'utf8');
const HAR = JSON.parse(fixture('session.har'));
const TOKENS: Record<string, string> = JSON.parse(fixture('tokens.json'));

describe('harEntries', () => {
  it('reads log.entries of a HAR 1.2 document', () => {
    expect(harEntries(HAR)).toHaveLength(5);
  });

  it.each([
    ['not an object', []],
    ['no log', { entries: [] }],
    ['entries not an array', { log: { entries: {} } }],
  ])('says null for JSON that is not HAR: %s', (_what, doc) => {
    expect(harEntries(doc)).toBeNull();
  });
});

describe('tokensInHar', () => {
  const found = [...tokensInHar(harEntries(HAR)!, 'session.har')];
  const where = (token: string) => found.filter((f) => f.found.token === token).map((f) => `${f.location.entry} ${f.location.field}`);

  it('names every place of every entry where a token is, by entry and field', () => {
    expect(where(TOKENS['session']!)).toEqual(['0 request.headers.cookie', '0 request.cookies.session']);
    expect(where(TOKENS['access']!)).toEqual(['1 response.content.text', '3 request.headers.authorization']);
    expect(where(TOKENS['id']!)).toEqual(['1 response.content.text', '2 request.queryString.id_token']);
    expect(where(TOKENS['unsecured']!)).toEqual(['2 response.headers.set-cookie', '2 response.cookies.debug']);
  });

  it('decodes base64 response bodies', () => {
    expect(where(TOKENS['inBinaryBody']!)).toEqual(['4 response.content.text']);
  });

  it('holds each token the way its field holds it, for the audit rules', () => {
    const holding = (token: string, field: string) => {
      const f = found.find((x) => x.found.token === token && x.location.field === field)!.found;
      return { as: f.as, name: f.name, setCookie: f.setCookie?.name ?? null };
    };
    expect(holding(TOKENS['session']!, 'request.headers.cookie')).toEqual({ as: 'cookie', name: 'session', setCookie: null });
    expect(holding(TOKENS['access']!, 'request.headers.authorization')).toEqual({ as: 'bearer', name: null, setCookie: null });
    expect(holding(TOKENS['id']!, 'request.queryString.id_token')).toEqual({ as: 'url', name: 'id_token', setCookie: null });
    expect(holding(TOKENS['unsecured']!, 'response.headers.set-cookie')).toEqual({ as: 'cookie', name: 'debug', setCookie: 'debug' });
  });

  it('does not report a query-string token twice through request.url', () => {
    expect(found.some((f) => f.location.field === 'request.url')).toBe(false);
  });
});

describe('harFields', () => {
  it('reads post data params and text, and the URL path and fragment', () => {
    const entries = [
      {
        request: {
          url: 'https://a.example/reset/eyJx?q=1#frag',
          postData: { text: 'a=1', params: [{ name: 'a', value: '1' }] },
        },
      },
    ];
    const fields = [...harFields(entries)].map((f) => [f.field, Buffer.from(f.bytes).toString()]);
    expect(fields).toEqual([
      ['request.url', 'https://a.example/reset/eyJx#frag'],
      ['request.postData.params.a', '1'],
      ['request.postData.text', 'a=1'],
    ]);
  });

  it('names the cookie of a Cookie header that holds the token', () => {
    const [field] = harFields([{ request: { headers: [{ name: 'Cookie', value: 'a=1; jwt=eyJx.y.z' }] } }]);
    expect(foundInField(field!, 'eyJx.y.z')).toEqual({ token: 'eyJx.y.z', as: 'cookie', name: 'jwt' });
  });
});
