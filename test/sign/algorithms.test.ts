import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { minimumSecretBytes } from '../../src/jose/algorithms.js';
import { chooseAlg, privateKeyKind, SIGNING_ALGS, type SigningKey } from '../../src/sign/algorithms.js';

const secret = (alg: string | null = null): SigningKey => ({ type: 'secret', bytes: new Uint8Array(32), kid: null, alg });
const ec = (curve: string, alg: string | null = null): SigningKey => ({ type: 'private', key: null as never, kind: 'ec', curve, kid: null, alg });
const rsa: SigningKey = { type: 'private', key: null as never, kind: 'rsa', curve: null, kid: null, alg: null };
const ed: SigningKey = { type: 'private', key: null as never, kind: 'ed25519', curve: null, kid: null, alg: null };

describe('chooseAlg', () => {
  it.each([
    [undefined, secret(), 'HS256'],
    [undefined, secret('HS512'), 'HS512'],
    [undefined, secret('RS256'), 'HS256'],
    [undefined, rsa, 'RS256'],
    [undefined, ec('P-384'), 'ES384'],
    [undefined, ec('P-521'), 'ES512'],
    [undefined, ec('P-256', 'ES512'), 'ES256'],
    [undefined, ed, 'EdDSA'],
    ['PS512', rsa, 'PS512'],
    ['Ed25519', ed, 'Ed25519'],
  ] as const)('--alg %s with %j', (requested, key, expected) => {
    expect(chooseAlg(requested, key)).toBe(expected);
  });

  it.each([
    ['HS256', rsa, 'signs with a secret, but the key given is an RSA key'],
    ['ES256', ec('P-384'), 'signs with an EC P-256 key, but the key given is an EC P-384 key'],
    ['EdDSA', secret(), 'signs with an Ed25519 key, but the key given is a secret'],
    ['hs256', secret(), 'is not a JWS algorithm'],
    ['toString', secret(), 'is not a JWS algorithm'],
  ] as const)('refuses --alg %s', (requested, key, message) => {
    expect(() => chooseAlg(requested, key)).toThrow(message);
  });

  it('knows the smallest secret of each HMAC algorithm and none for the others', () => {
    expect(SIGNING_ALGS.map((alg) => [alg, minimumSecretBytes(alg)]).filter(([, n]) => n !== null)).toEqual([
      ['HS256', 32],
      ['HS384', 48],
      ['HS512', 64],
    ]);
  });
});

describe('privateKeyKind', () => {
  it('names keys that cannot sign a JWS', () => {
    expect(privateKeyKind(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey, 'k.pem')).toEqual({ kind: 'ec', curve: 'P-384' });
    expect(() => privateKeyKind(generateKeyPairSync('x25519').privateKey, 'k.pem')).toThrow('k.pem: a key of type x25519 cannot sign a JWS');
    expect(() => privateKeyKind(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey, 'k.pem')).toThrow(
      'a key of type ec (curve secp256k1) cannot sign',
    );
  });
});
