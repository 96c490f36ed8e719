import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keySetFromFile } from '../../src/keys/key-file.js';
import type { VerificationKey } from '../../src/keys/key.js';
import { secretKey } from '../../src/keys/secret.js';
import { JWS_ALGORITHMS } from '../../src/jose/algorithms.js';
import { keyMismatch } from '../../src/verify/algorithms.js';
import { keyPath } from './helpers/fixtures.js';

const key = async (name: string): Promise<VerificationKey> => (await keySetFromFile(readFileSync(keyPath(name)), 'key', name)).keys[0]!;
/** The algorithms keyMismatch lets this key verify. */
const algorithmsFor = (k: VerificationKey) => Object.keys(JWS_ALGORITHMS).filter((alg) => keyMismatch(k, alg) === null);
const secret = secretKey(new TextEncoder().encode('s'), '--secret');

describe('which key verifies which alg', () => {
  it.each([
    ['rsa.pub.pem', ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
    ['ec256.pub.pem', ['ES256']],
    ['ec384.pub.pem', ['ES384']],
    ['ec521.pub.pem', ['ES512']],
    ['ed25519.pub.pem', ['EdDSA', 'Ed25519']],
    ['rsa1024.pub.pem', []],
    ['rsa.jwk.json', ['RS256']],
  ])('%s verifies %j', async (name, algs) => {
    expect(algorithmsFor(await key(name))).toEqual(algs);
  });

  it('a secret verifies HMAC only', () => {
    expect(algorithmsFor(secret)).toEqual(['HS256', 'HS384', 'HS512']);
  });

  it.each([
    ['rsa.pub.pem', 'HS256', /key confusion refused: HS256 is an HMAC algorithm.*an RSA 2048-bit key, a public key.*RFC 8725/],
    ['ec256.pub.pem', 'HS512', /key confusion refused/],
    ['rsa.pub.pem', 'ES256', /ES256 \(ECDSA\) needs an EC key, but the key is an RSA 2048-bit key/],
    ['ec384.pub.pem', 'ES256', /ES256 needs a P-256 key, but the key is an EC P-384 key/],
    ['rsa1024.pub.pem', 'RS256', /at least 2048 bits.*has 1024/],
    ['rsa.jwk.json', 'PS256', /the key is for RS256 only/],
    ['ed25519.pub.pem', 'none', /not a JWS algorithm/],
    ['rsa.pub.pem', 'toString', /not a JWS algorithm/],
  ])('%s may not verify %s', async (name, alg, message) => {
    expect(keyMismatch(await key(name), alg)).toMatch(message);
  });

  it('a secret may not verify a public-key alg', () => {
    expect(keyMismatch(secret, 'RS256')).toBe('RS256 (RSASSA-PKCS1-v1_5) needs an RSA key, but the key is an 8-bit secret');
  });

  it("honours the key's use and key_ops (RFC 7517 §4.2, §4.3)", async () => {
    const ec = await key('ec256.pub.pem');
    expect(keyMismatch({ ...ec, use: 'enc' }, 'ES256')).toMatch(/"enc".*not signatures/);
    expect(keyMismatch({ ...ec, keyOps: ['encrypt'] }, 'ES256')).toMatch(/key_ops/);
    expect(keyMismatch({ ...ec, keyOps: ['verify'] }, 'ES256')).toBeNull();
  });
});
