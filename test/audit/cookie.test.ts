import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../src/token/cookie.js';
import { jws } from '../helpers/tokens.js';
import { hitsOf, NOW, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';

const TOKEN = jws(QUIET_HEADER, QUIET_CLAIMS);
const HARDENED = `__Host-jwt=${TOKEN}; Secure; HttpOnly; Path=/; SameSite=Strict`;

/** Audit the token as if it came in this Set-Cookie line. */
function cookieHits(id: string, line: string, token = TOKEN) {
  const setCookie = parseSetCookie(line)!;
  return hitsOf(id, token, { found: { as: 'cookie', name: setCookie.name, setCookie } });
}

describe('cookie rules need a Set-Cookie line', () => {
  it('stay silent for a bare token', () => {
    expect(hitsOf('cookie-no-httponly', TOKEN)).toEqual([]);
  });

  it.each([
    ['cookie-no-httponly'],
    ['cookie-no-secure'],
    ['cookie-samesite'],
    ['cookie-prefix'],
    ['cookie-domain'],
    ['cookie-outlives-token'],
    ['cookie-size'],
  ])('%s does not fire on the hardened example', (id) => {
    expect(cookieHits(id, HARDENED)).toEqual([]);
  });
});

describe('cookie-no-httponly and cookie-no-secure', () => {
  it('fire on the missing attribute', () => {
    expect(cookieHits('cookie-no-httponly', `jwt=${TOKEN}; Secure`)).toMatchObject([{ severity: 'high' }]);
    expect(cookieHits('cookie-no-secure', `jwt=${TOKEN}; HttpOnly`)).toMatchObject([{ severity: 'high' }]);
  });

  it('match attribute names case-insensitively', () => {
    expect(cookieHits('cookie-no-httponly', `jwt=${TOKEN}; httponly; secure`)).toEqual([]);
  });
});

describe('cookie-samesite', () => {
  it('fires high on None without Secure, medium on None with it and on a missing one', () => {
    expect(cookieHits('cookie-samesite', `jwt=${TOKEN}; SameSite=None; HttpOnly`)).toMatchObject([{ severity: 'high' }]);
    expect(cookieHits('cookie-samesite', `jwt=${TOKEN}; SameSite=None; Secure`)).toMatchObject([{ severity: 'medium' }]);
    expect(cookieHits('cookie-samesite', `jwt=${TOKEN}; Secure`)).toMatchObject([{ severity: 'medium' }]);
  });

  it('does not fire on SameSite=Strict or Lax', () => {
    expect(cookieHits('cookie-samesite', `jwt=${TOKEN}; SameSite=Lax`)).toEqual([]);
  });
});

describe('cookie-prefix', () => {
  it('fires high on __Host- with Domain, and low on a name without __Host-', () => {
    expect(cookieHits('cookie-prefix', `__Host-jwt=${TOKEN}; Secure; Domain=example.com; Path=/`)).toMatchObject([
      { severity: 'high', note: '__Host- with Domain: the browser rejects it' },
    ]);
    expect(cookieHits('cookie-prefix', `jwt=${TOKEN}; Secure`)).toMatchObject([{ severity: 'low' }]);
  });

  it('fires high on __Host- without Path=/ and on __Secure- without Secure', () => {
    expect(cookieHits('cookie-prefix', `__Host-jwt=${TOKEN}; Secure`)[0]).toMatchObject({
      severity: 'high',
      note: '__Host- with Path (missing): the browser rejects it',
    });
    expect(cookieHits('cookie-prefix', `__Secure-jwt=${TOKEN}; HttpOnly`).map((f) => f.severity)).toEqual(['high', 'low']);
  });
});

describe('cookie-domain', () => {
  it('fires on Domain, not without it', () => {
    expect(cookieHits('cookie-domain', `jwt=${TOKEN}; Domain=example.com`)).toMatchObject([{ severity: 'medium', evidence: 'example.com' }]);
    expect(cookieHits('cookie-domain', `jwt=${TOKEN}; Secure`)).toEqual([]);
  });
});

describe('cookie-outlives-token', () => {
  const fifteenMinutes = jws(QUIET_HEADER, { ...QUIET_CLAIMS, iat: NOW, exp: NOW + 900 });

  it('fires on Max-Age=2592000 with a 15-minute token', () => {
    expect(cookieHits('cookie-outlives-token', `jwt=${fifteenMinutes}; Max-Age=2592000`, fifteenMinutes)).toMatchObject([{ severity: 'low' }]);
  });

  it('reads Expires when there is no Max-Age', () => {
    const expires = new Date((NOW + 86400) * 1000).toUTCString();
    expect(cookieHits('cookie-outlives-token', `jwt=${fifteenMinutes}; Expires=${expires}`, fifteenMinutes)).toHaveLength(1);
  });

  it('fires on a persistent cookie holding an access token without exp', () => {
    const noExp = jws(QUIET_HEADER, { sub: 'u' });
    expect(cookieHits('cookie-outlives-token', `jwt=${noExp}; Max-Age=60`, noExp)).toHaveLength(1);
  });

  it('does not fire on Max-Age=900, nor on a session cookie', () => {
    expect(cookieHits('cookie-outlives-token', `jwt=${fifteenMinutes}; Max-Age=900`, fifteenMinutes)).toEqual([]);
    expect(cookieHits('cookie-outlives-token', `jwt=${fifteenMinutes}; HttpOnly`, fifteenMinutes)).toEqual([]);
  });
});

describe('cookie-size', () => {
  const big = jws(QUIET_HEADER, { ...QUIET_CLAIMS, pad: 'x'.repeat(3100) });

  it('fires on a 4,200-byte value and on an attribute over 1024 bytes', () => {
    expect(big.length).toBeGreaterThan(4100);
    expect(cookieHits('cookie-size', `jwt=${big}`, big)).toMatchObject([{ severity: 'high' }]);
    expect(cookieHits('cookie-size', `jwt=${TOKEN}; Path=/${'p'.repeat(1100)}`)).toMatchObject([{ path: 'cookie.Path' }]);
  });

  it('does not fire on a 1,000-byte value', () => {
    expect(cookieHits('cookie-size', `jwt=${TOKEN}`)).toEqual([]);
  });
});

describe('token-in-url', () => {
  it('fires when the token came in a URL', () => {
    expect(hitsOf('token-in-url', TOKEN, { found: { as: 'url', name: 'access_token' } })).toMatchObject([
      { severity: 'medium', evidence: 'parameter access_token' },
    ]);
  });

  it('does not fire on an Authorization header', () => {
    expect(hitsOf('token-in-url', TOKEN, { found: { as: 'bearer' } })).toEqual([]);
  });
});
