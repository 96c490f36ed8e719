import { describe, expect, it } from 'vitest';
import { singleKeySet } from '../../src/keys/key.js';
import { keySetFromFile } from '../../src/keys/key-file.js';
import { secretKey } from '../../src/keys/secret.js';
import { tokenVerifier } from '../../src/scan/verifier.js';
import { decodeToken } from '../../src/token/decode.js';
import type { ClaimPolicy } from '../../src/verify/claims.js';
import { FIXTURES, fixtureToken, keyText } from '../verify/helpers/fixtures.js';

const POLICY: ClaimPolicy = { now: FIXTURES.now, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
const report = (name: string) => decodeToken(fixtureToken(name));
const secretKeys = (secret: string) => singleKeySet('secret', '--secret-env SECRET', secretKey(Buffer.from(secret), '--secret-env SECRET'));

describe('tokenVerifier', () => {
  it('verifies many tokens at once with one secret, for each HS alg', async () => {
    const verify = tokenVerifier(secretKeys(FIXTURES.secret), POLICY);
    const names = Array.from({ length: 100 }, (_, i) => ['HS256', 'HS384', 'HS512'][i % 3]!);
    const verifications = await Promise.all(names.map((name) => verify(report(name))));
    expect(verifications.map((v) => [v?.verification.alg, v?.verification.valid])).toEqual(names.map((name) => [name, true]));
  });

  it('rejects a signature made with another secret', async () => {
    const v = await tokenVerifier(secretKeys('not-the-fixture-secret-of-32-byte'), POLICY)(report('HS256'));
    expect(v?.verification.errors.map((e) => e.code)).toEqual(['ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
  });

  it('verifies many tokens at once with one public key, telling a tampered one', async () => {
    const verify = tokenVerifier(await keySetFromFile(Buffer.from(keyText('rsa.pub.pem')), 'key', 'rsa.pub.pem'), POLICY);
    const names = Array.from({ length: 100 }, (_, i) => (i % 10 === 9 ? 'RS256-tampered' : 'RS256'));
    const verifications = await Promise.all(names.map((name) => verify(report(name))));
    expect(verifications.map((v) => v?.verification.valid)).toEqual(names.map((name) => name === 'RS256'));
  });

  it('leaves a JWE unverified: scan does not decrypt', async () => {
    expect(await tokenVerifier(secretKeys(FIXTURES.secret), POLICY)(report('JWE-dir-claims'))).toBeNull();
  });
});
