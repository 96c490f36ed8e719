import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { loadKeySet } from '../../src/keys/load.js';
import type { KeySpec } from '../../src/keys/spec.js';
import { toJsonText } from '../../src/render/json.js';
import { verificationJson } from '../../src/render/verify-json.js';
import { decodeToken } from '../../src/token/decode.js';
import type { ClaimPolicy } from '../../src/verify/claims.js';
import type { Verification } from '../../src/verify/result.js';
import { verifyToken } from '../../src/verify/verify-token.js';
import { fakeIo } from '../helpers/fake-io.js';
import { fixtureToken, keyText } from '../verify/helpers/fixtures.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const REMOTE = { timeoutMs: 1000, allowHttp: false, ca: null, useCache: false, note: () => {} };
const POLICY: ClaimPolicy = { now: NOW, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
/** Key files under relative names, so that messages do not depend on where the repository is. */
const FILES = { 'keys/rsa.pub.pem': keyText('rsa.pub.pem'), 'keys/jwks.json': keyText('jwks.json') };

/** What verify finds for a token with the keys a key option names, read through an Io. */
async function verify(compact: string, spec: KeySpec, env: Record<string, string> = {}, policy: Partial<ClaimPolicy> = {}): Promise<Verification> {
  const keys = await loadKeySet(fakeIo({ env, files: FILES }), spec, REMOTE);
  return (await verifyToken(decodeToken(compact), { keys, decryptKey: null, algorithms: null, policy: { ...POLICY, ...policy } })).verification;
}

describe('verificationJson', () => {
  it('gives the verdict, the alg and the key that verified (source, kid, thumbprint), with no error', async () => {
    const v = await verify(fixtureToken('RS256'), { kind: 'jwks-file', path: 'keys/jwks.json' });
    expect(verificationJson(v)).toEqual({
      valid: true,
      alg: 'RS256',
      key: { source: 'jwks', kid: 'rsa-1', thumbprint: 'sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk' },
      error: null,
      errors: [],
      warnings: [],
    });
  });

  it('gives every failure, the first of them as error, each with its claim', async () => {
    const v = await verify(fixtureToken('RS256-expired-wrong-audience'), { kind: 'key-file', path: 'keys/rsa.pub.pem' }, {}, { audience: ['api://other'] });
    const aud = {
      code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
      message: 'unexpected "aud" claim value: expected "api://other", got "api://someone-else"',
      claim: 'aud',
    };
    const exp = { code: 'ERR_JWT_EXPIRED', message: '"exp" claim timestamp check failed: expired 2023-11-14T21:13:20.000Z, 1 hour ago', claim: 'exp' };
    expect(verificationJson(v)).toEqual({
      valid: false,
      alg: 'RS256',
      key: { source: 'key', kid: null, thumbprint: 'sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk' },
      error: aud,
      errors: [aud, exp],
      warnings: [],
    });
  });

  it('gives no key when none fits the token', async () => {
    const v = await verify(fixtureToken('RS256-rotated'), { kind: 'jwks-file', path: 'keys/jwks.json' });
    const error = {
      code: 'ERR_JWKS_NO_MATCHING_KEY',
      message:
        'no key with kid "rsa-2" in keys/jwks.json; on offer: "rsa-1" (RS256, RSA 2048-bit), "ec-256" (any alg, EC P-256), "ec-384" (any alg, EC P-384), "ec-521" (any alg, EC P-521), "ed-1" (any alg, OKP Ed25519)',
      claim: null,
    };
    expect(verificationJson(v)).toEqual({ valid: false, alg: 'RS256', key: null, error, errors: [error], warnings: [] });
  });

  it('gives the warnings a VALID verdict comes with, and never the secret (a secret has no thumbprint)', async () => {
    const secret = 'short-secret';
    const v = await verify(hs256({ sub: 'u1' }, secret), { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false }, { JWT_SECRET: secret });
    expect(verificationJson(v)).toEqual({
      valid: true,
      alg: 'HS256',
      key: { source: 'secret', kid: null, thumbprint: null },
      error: null,
      errors: [],
      warnings: [
        {
          code: 'weak-key',
          message: 'the key is only 12 bytes, where HS256 needs at least 32 (RFC 7518 §3.2): anyone can brute-force it offline from one token',
        },
      ],
    });
    expect(toJsonText(verificationJson(v))).not.toContain(secret);
  });

  it('is printed terminal-safe: a message that quotes the token is escaped', async () => {
    const token = hs256({ iss: 'evil\u202e\u009b' }, 'a-long-enough-random-secret-0123456789');
    const v = await verify(
      token,
      { kind: 'secret', from: 'env', value: 'S', base64: false },
      { S: 'a-long-enough-random-secret-0123456789' },
      { issuer: 'https://good' },
    );
    expect(toJsonText(verificationJson(v), 0)).toBe(
      String.raw`{"valid":false,"alg":"HS256","key":{"source":"secret","kid":null,"thumbprint":null},"error":{"code":"ERR_JWT_CLAIM_VALIDATION_FAILED","message":"unexpected \"iss\" claim value: expected \"https://good\", got \"evil\u202e\u009b\"","claim":"iss"},"errors":[{"code":"ERR_JWT_CLAIM_VALIDATION_FAILED","message":"unexpected \"iss\" claim value: expected \"https://good\", got \"evil\u202e\u009b\"","claim":"iss"}],"warnings":[]}`,
    );
  });
});
