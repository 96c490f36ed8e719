import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
import { parseSetCookie } from '../../src/token/cookie.js';
import { hmacToken, jws } from '../helpers/tokens.js';
import { NOW } from './helpers.js';

/** A JWS whose payload is another token (cty: JWT), signed or not. */
const nest = (inner: string, header: object = { alg: 'HS256', typ: 'JWT', cty: 'JWT' }): string => jws(header, inner);

const findingsOf = (token: string, setCookie?: string) =>
  buildReport(
    decodeToken(token),
    {
      token,
      as: setCookie === undefined ? 'raw' : 'cookie',
      name: setCookie === undefined ? null : 'session',
      ...(setCookie ? { setCookie: parseSetCookie(setCookie)! } : {}),
    },
    { from: 'argument', count: 1 },
    { now: NOW, leeway: 0 },
  ).findings.map((f) => `${f.id} ${f.path}`);

describe('the inner token of a nested JWT (RFC 8725 §3.3: both are validated)', () => {
  const unsecured = jws({ alg: 'none' }, { sub: 'u1', email: 'jane@example.com', iat: NOW - 60, exp: NOW + 3 * 365 * 86400 }, '');

  it('is audited on its own header and claims, at inner. paths', () => {
    const found = findingsOf(nest(unsecured));
    expect(found).toContain('alg-none inner.header.alg');
    expect(found).toContain('lifetime-too-long inner.payload.exp');
    expect(found).toContain('email-address inner.payload.email');
    // The outer token's own findings stay where they are.
    expect(found).toContain('nested-jwt header.cty');
    expect(found).not.toContain('alg-none header.alg');
  });

  it('has its weak HMAC secret found like any token', () => {
    const found = findingsOf(nest(hmacToken({ sub: 'u1', exp: NOW + 600 }, 'secret')));
    expect(found).toContain('weak-secret inner.signature');
  });

  it('leaves how the outer token was carried to the outer token', () => {
    const found = findingsOf(nest(unsecured), `session=${nest(unsecured)}; Path=/`);
    expect(found.filter((f) => f.startsWith('cookie-'))).not.toEqual([]);
    expect(found.filter((f) => f.startsWith('cookie-') && f.includes('inner'))).toEqual([]);
  });
});
