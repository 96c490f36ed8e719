import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieAttribute, parseCookieList, parseSetCookie } from '../../src/token/cookie.js';
import { fuzzSettings } from '../helpers/fuzz.js';

describe('cookies', () => {
  it('parses a Cookie list, skipping parts without a name', () => {
    expect(parseCookieList('a=1; b="two"; ; =x; flag; c=3=3')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'two' },
      { name: 'c', value: '3=3' },
    ]);
  });

  it('parses Set-Cookie attributes, the last one of a name winning', () => {
    const c = parseSetCookie('jwt=abc; Path=/; secure; SameSite=Lax; samesite=None; Max-Age=60')!;
    expect([c.name, c.value]).toEqual(['jwt', 'abc']);
    expect(cookieAttribute(c, 'Secure')).toEqual({ value: null });
    expect(cookieAttribute(c, 'SameSite')).toEqual({ value: 'None' });
    expect(cookieAttribute(c, 'HttpOnly')).toBeUndefined();
  });

  it('has no cookie without a name=value pair', () => {
    expect(parseSetCookie('HttpOnly; Secure')).toBeNull();
  });

  it('property: a list it printed parses back to the same pairs', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{0,40}$/);
    fc.assert(
      fc.property(fc.array(fc.record({ name, value }), { maxLength: 8 }), (pairs) => {
        expect(parseCookieList(pairs.map((p) => `${p.name}=${p.value}`).join('; '))).toEqual(pairs);
      }),
      fuzzSettings(500),
    );
  });

  it('property: never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseCookieList(text);
        parseSetCookie(text);
      }),
      fuzzSettings(500),
    );
  });
});
