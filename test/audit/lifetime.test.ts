import { describe, expect, it } from 'vitest';
import { jwe, jws } from '../helpers/tokens.js';
import { hitsOf, NOW, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';
import { OWASP_JAVA } from './vectors.js';

const withClaims = (claims: object, header: object = QUIET_HEADER): string => jws(header, { ...QUIET_CLAIMS, ...claims });

describe('no-expiry', () => {
  it('fires on the OWASP Java sample (no exp)', () => {
    expect(hitsOf('no-expiry', OWASP_JAVA)).toMatchObject([{ severity: 'high', path: 'payload.exp' }]);
  });

  it('is info for a Security Event Token', () => {
    expect(hitsOf('no-expiry', jws({ ...QUIET_HEADER, typ: 'secevent+jwt' }, { iss: 'x' }))).toMatchObject([{ severity: 'info' }]);
  });

  it('does not fire on a token with exp', () => {
    expect(hitsOf('no-expiry', withClaims({}))).toEqual([]);
  });
});

describe('bad-numericdate', () => {
  it.each([
    [{ exp: '1516242622' }, 'a JSON string'],
    [{ nbf: null }, 'a JSON null'],
    [{ iat: true }, 'a JSON boolean'],
    [{ auth_time: -1 }, '-1'],
    [{ exp: 1e13 }, '10000000000000'],
  ])('fires on %j', (claims, evidence) => {
    expect(hitsOf('bad-numericdate', withClaims(claims))).toMatchObject([{ evidence }]);
  });

  it('does not fire on a fractional NumericDate (legal)', () => {
    expect(hitsOf('bad-numericdate', withClaims({ exp: 1516242622.5 }))).toEqual([]);
  });
});

describe('time-in-milliseconds', () => {
  it('fires high on exp and medium on iat in milliseconds', () => {
    expect(hitsOf('time-in-milliseconds', withClaims({ exp: 1716242622000, iat: 1716242622000 })).map((f) => [f.path, f.severity])).toEqual([
      ['payload.exp', 'high'],
      ['payload.iat', 'medium'],
    ]);
  });

  it('does not fire on seconds', () => {
    expect(hitsOf('time-in-milliseconds', withClaims({ exp: 1716242622 }))).toEqual([]);
  });
});

describe('lifetime-too-long', () => {
  const life = (seconds: number, extra: object = {}) =>
    hitsOf('lifetime-too-long', jws(QUIET_HEADER, { ...QUIET_CLAIMS, iat: 1516239022, exp: 1516239022 + seconds, ...extra }));

  it('fires high on a 2-day access token', () => {
    expect(life(172800)).toMatchObject([{ severity: 'high', evidence: '2 days', note: 'inferred access token; limit 15m' }]);
  });

  it('grades access tokens by band', () => {
    expect(life(3600)[0]?.severity).toBe('low');
    expect(life(86400)[0]?.severity).toBe('medium');
  });

  it('grades id and refresh tokens by their own bands', () => {
    expect(life(7200, { nonce: 'n' })[0]?.severity).toBe('low');
    expect(life(172800, { nonce: 'n' })[0]?.severity).toBe('medium');
    expect(life(7 * 86400, { token_use: 'refresh' })).toEqual([]);
    expect(life(20 * 86400, { token_use: 'refresh' })[0]?.severity).toBe('medium');
    expect(life(60 * 86400, { typ: 'Refresh' })[0]?.severity).toBe('high');
  });

  it('is high for any class over a year', () => {
    expect(life(400 * 86400, { token_use: 'refresh' })[0]?.severity).toBe('high');
  });

  it('measures from now without iat or nbf, and says so', () => {
    const hits = hitsOf('lifetime-too-long', jws(QUIET_HEADER, { exp: NOW + 7200 }));
    expect(hits[0]?.evidence).toBe('2 hours (no iat or nbf: measured from now)');
  });

  it('does not fire on exp − iat = 900', () => {
    expect(life(900)).toEqual([]);
  });
});

describe('expired', () => {
  it('fires on exp 1516242622 and says how long ago', () => {
    expect(hitsOf('expired', withClaims({ iat: 1516239022, exp: 1516242622 }))).toMatchObject([{ severity: 'info', evidence: 'expired 5 years ago' }]);
  });

  it('does not fire on exp = now + 600, nor within the skew', () => {
    expect(hitsOf('expired', withClaims({ exp: NOW + 600 }))).toEqual([]);
    expect(hitsOf('expired', withClaims({ exp: NOW - 30 }))).toEqual([]);
  });
});

describe('times-inconsistent', () => {
  it.each([
    [{ iat: 4102444800, exp: 4102445000 }, 'payload.iat'],
    [{ nbf: NOW + 900, exp: NOW + 600 }, 'payload.nbf'],
    [{ iat: NOW, exp: NOW }, 'payload.exp'],
  ])('fires on %j', (claims, path) => {
    expect(hitsOf('times-inconsistent', withClaims(claims))).toContainEqual(expect.objectContaining({ path }));
  });

  it('fires on iat after exp', () => {
    expect(hitsOf('times-inconsistent', withClaims({ iat: NOW - 60, exp: NOW - 120 }))).toMatchObject([{ note: 'iat is after exp' }]);
  });

  it('does not fire on iat < exp ≤ now + 1 h', () => {
    expect(hitsOf('times-inconsistent', withClaims({ iat: NOW - 60, exp: NOW + 3600 }))).toEqual([]);
  });
});

describe('not-yet-valid', () => {
  it('fires on nbf = now + 3600', () => {
    expect(hitsOf('not-yet-valid', withClaims({ nbf: NOW + 3600 }))).toMatchObject([{ evidence: 'valid in 1 hour' }]);
  });

  it('does not fire on nbf = now', () => {
    expect(hitsOf('not-yet-valid', withClaims({ nbf: NOW }))).toEqual([]);
  });
});

describe('no-iat', () => {
  it('fires on a payload with only exp', () => {
    expect(hitsOf('no-iat', jws(QUIET_HEADER, { exp: NOW + 600 }))).toMatchObject([{ severity: 'low' }]);
  });

  it('does not fire with iat, nor on a JWE', () => {
    expect(hitsOf('no-iat', withClaims({}))).toEqual([]);
    expect(hitsOf('no-iat', jwe())).toEqual([]);
  });
});
