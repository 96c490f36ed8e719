import { describe, expect, it } from 'vitest';
import { fromPlain, type JsonObject } from '../../src/token/json.js';
import { checkClaims, type ClaimPolicy } from '../../src/verify/claims.js';

const NOW = 1_700_000_000;
const POLICY: ClaimPolicy = { now: NOW, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
const object = (value: object) => fromPlain(value) as JsonObject;
const check = (claims: object, policy: Partial<ClaimPolicy> = {}, header: object = { alg: 'HS256', typ: 'JWT' }) =>
  checkClaims(object(header), object(claims), { ...POLICY, ...policy }).map((e) => [e.code, e.claim]);

describe('checkClaims', () => {
  it('passes a token with nothing asked of it', () => {
    expect(check({})).toEqual([]);
  });

  it.each([
    ['exp in the past', { exp: NOW - 1 }, {}, [['ERR_JWT_EXPIRED', 'exp']]],
    ['exp equal to now (RFC 7519 §4.1.4: on or after)', { exp: NOW }, {}, [['ERR_JWT_EXPIRED', 'exp']]],
    ['exp within the leeway', { exp: NOW - 30 }, { leeway: 60 }, []],
    ['nbf in the future', { nbf: NOW + 10 }, {}, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf']]],
    ['nbf within the leeway', { nbf: NOW + 10 }, { leeway: 10 }, []],
    ['a string exp', { exp: '1700000000' }, {}, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp']]],
    ['the wrong issuer', { iss: 'a' }, { issuer: 'b' }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss']]],
    ['a missing issuer', {}, { issuer: 'b' }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss']]],
    ['one audience of several', { aud: ['x', 'b'] }, { audience: ['a', 'b'] }, []],
    ['no audience in common', { aud: ['x', 'y'] }, { audience: ['a', 'b'] }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud']]],
    ['the wrong subject', { sub: '1' }, { subject: '2' }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'sub']]],
    ['a required claim missing', { a: 1 }, { required: ['a', 'b'] }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'b']]],
    ['a token too old for --max-age', { iat: NOW - 120 }, { maxAge: 60 }, [['ERR_JWT_EXPIRED', 'iat']]],
    ['a token issued in the future', { iat: NOW + 120 }, { maxAge: 60 }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat']]],
    ['--max-age without iat', {}, { maxAge: 60 }, [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat']]],
  ])('%s', (_what, claims, policy, errors) => {
    expect(check(claims, policy)).toEqual(errors);
  });

  it('reports every failure at once, in the order jose checks them', () => {
    const errors = check({ iss: 'evil', aud: 'other', exp: NOW - 10, nbf: NOW + 10 }, { issuer: 'good', audience: ['api'], required: ['jti'] });
    expect(errors).toEqual([
      ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'jti'],
      ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss'],
      ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud'],
      ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf'],
      ['ERR_JWT_EXPIRED', 'exp'],
    ]);
  });

  it('matches typ as jose does: JWT is application/jwt (RFC 7515 §4.1.9)', () => {
    expect(check({}, { typ: 'application/jwt' })).toEqual([]);
    expect(check({}, { typ: 'at+jwt' })).toEqual([['ERR_JWT_CLAIM_VALIDATION_FAILED', 'typ']]);
    expect(check({}, { typ: 'JWT' }, { alg: 'HS256' })).toEqual([['ERR_JWT_CLAIM_VALIDATION_FAILED', 'typ']]);
  });

  it('says what was expected and what the token holds', () => {
    const [error] = checkClaims(object({}), object({ iss: 'evil', aud: ['x'] }), { ...POLICY, issuer: 'good' });
    expect(error!.message).toBe('unexpected "iss" claim value: expected "good", got "evil"');
    const [expired] = checkClaims(object({}), object({ exp: NOW - 3 * 86400 }), POLICY);
    expect(expired!.message).toBe('"exp" claim timestamp check failed: expired 2023-11-11T22:13:20.000Z, 3 days ago');
  });

  it('refuses a payload that is not a claims set', () => {
    expect(checkClaims(object({}), null, POLICY)).toEqual([
      { code: 'ERR_JWT_INVALID', message: 'JWT Claims Set must be a top-level JSON object', claim: null },
    ]);
  });
});
