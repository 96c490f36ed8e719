import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { InspectError } from '../../src/errors.js';
import { findTokens, isCompactToken, pickToken } from '../../src/token/extract.js';
import { jwe, jws, JWT_IO } from '../helpers/tokens.js';

const A = jws({ alg: 'HS256' }, { sub: 'a' });
const B = jws({ alg: 'RS256' }, { sub: 'b' });
const JWE = jwe();

const found = (text: string) => findTokens(text).map(({ token: t, as, name }) => ({ token: t, as, name }));

describe('findTokens', () => {
  it.each([
    ['a bare token', A, 'raw', null],
    ['a token in quotes and white space', `  "${A}"\n`, 'raw', null],
    ['a JWE', JWE, 'raw', null],
    ['an alg:none token with an empty signature', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.', 'raw', null],
    ['Bearer', `Bearer ${A}`, 'bearer', null],
    ['an Authorization header line', `Authorization: Bearer ${A}\r\n`, 'bearer', null],
    ['a lower-case authorization header', `authorization: bearer ${A}`, 'bearer', null],
    ['a Cookie header', `Cookie: theme=dark; session=${A}`, 'cookie', 'session'],
    ['a Set-Cookie header', `Set-Cookie: jwt=${A}; Path=/; HttpOnly`, 'cookie', 'jwt'],
    ['a bare cookie string', `a=1; jwt=${A}`, 'cookie', 'jwt'],
    ['a URL query', `https://app.example.com/cb?code=x&id_token=${A}`, 'url', 'id_token'],
    ['a URL fragment', `https://app.example.com/cb#access_token=${A}&state=1`, 'url', 'access_token'],
    ['a relative URL', `/callback?token=${A}`, 'url', 'token'],
    ['a JSON token response', JSON.stringify({ access_token: A, token_type: 'Bearer', expires_in: 300 }), 'json', 'access_token'],
    ['a nested JSON value', JSON.stringify({ data: { tokens: [A] } }), 'json', 'tokens'],
    ['a JSON Bearer value', JSON.stringify({ Authorization: `Bearer ${A}` }), 'json', 'Authorization'],
    ['free text such as a log line', `2024-01-01 INFO user logged in token=${A} ok`, 'raw', null],
  ])('finds the token in %s', (_what, text, as, name) => {
    const [first] = found(text);
    expect(first).toEqual({ token: text.includes(JWE) ? JWE : text.includes('eyJhbGciOiJub25lIn0') ? 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.' : A, as, name });
  });

  it('keeps a Set-Cookie line with the token for the cookie rules', () => {
    const [f] = findTokens(`Set-Cookie: jwt=${A}; Secure; SameSite=None`);
    expect(f?.setCookie?.attributes).toEqual([
      { name: 'Secure', value: null },
      { name: 'SameSite', value: 'None' },
    ]);
    expect(findTokens(`jwt=${A}; HttpOnly`)[0]?.setCookie?.name).toBe('jwt');
  });

  it('lists every token of a token response in order', () => {
    expect(found(JSON.stringify({ access_token: A, refresh_token: B, id_token: A })).map((f) => f.name)).toEqual(['access_token', 'refresh_token', 'id_token']);
  });

  it('finds tokens line by line in a header dump', () => {
    const dump = `HTTP/1.1 200 OK\nContent-Type: text/html\nSet-Cookie: a=${A}; Secure\nSet-Cookie: b=${B}; Secure\n`;
    expect(found(dump).map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('ignores token-shaped text that does not decode', () => {
    expect(findTokens('see eyJnotreally.abc.def here')).toEqual([]);
    expect(findTokens('{"x":"a.b.c"}')).toEqual([]);
    expect(findTokens('')).toEqual([]);
  });

  it('hands dotted base64url to the decoder so its error can say what is wrong', () => {
    expect(found('a.b')).toEqual([{ token: 'a.b', as: 'raw', name: null }]);
  });

  it('accepts padded or standard-base64 parts when the header still decodes', () => {
    const padded = `${Buffer.from('{"alg":"HS256","xy":1}').toString('base64')}.e30.c2ln`;
    expect(padded).toContain('=');
    expect(isCompactToken(padded)).toBe(true);
  });

  it('property: never throws, and what it returns is one dotted word', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(A, `Bearer ${A}`, `x=${A}`)), fc.string(), (text, suffix) => {
        for (const f of findTokens(text + suffix)) {
          expect(f.token).toMatch(/^\S+$/);
          expect(f.token).toContain('.');
        }
      }),
      fuzzSettings(500),
    );
  });
});

describe('pickToken', () => {
  const response = JSON.stringify({ access_token: A, id_token: B });

  it('takes the first and counts them', () => {
    const p = pickToken(response);
    expect([p.found.name, p.count]).toEqual(['access_token', 2]);
  });

  it('takes the named one with --pick', () => {
    expect(pickToken(response, 'id_token').found.token).toBe(B);
  });

  it('is an input error when there is no token or no such name', () => {
    expect(() => pickToken('nothing')).toThrow(InspectError);
    expect(() => pickToken(response, 'zzz')).toThrow(/names found: access_token, id_token/);
  });

  it('works on the jwt.io token', () => {
    expect(pickToken(JWT_IO).found.as).toBe('raw');
  });
});
