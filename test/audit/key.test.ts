import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import { describe, expect, it } from 'vitest';
import { keyFacts, privateMaterialIn, suppliedSecret } from '../../src/audit/key-facts.js';
import { singleKeySet, type KeySet } from '../../src/keys/key.js';
import { keySetFromFile } from '../../src/keys/key-file.js';
import { secretKey } from '../../src/keys/secret.js';
import { decodeToken } from '../../src/token/decode.js';
import { keyText } from '../verify/helpers/fixtures.js';
import { hmacToken, jwe, part } from '../helpers/tokens.js';
import { hitsOf, QUIET_CLAIMS } from './helpers.js';
import { JWT_IO } from './vectors.js';

/** The keys of a key file's text, as `--key` reads them. */
const keyFile = (text: string, origin = 'key.txt'): Promise<KeySet> => keySetFromFile(Buffer.from(text), 'key', origin);
const fixture = (name: string): Promise<KeySet> => keyFile(keyText(name), name);
const secret = (text: string): KeySet => singleKeySet('secret', '--secret', secretKey(Buffer.from(text), '--secret'));

/** The findings of one key rule for a token audited with these keys. */
async function keyHits(id: string, token: string, keys: KeySet, expectValid = false) {
  const key = await keyFacts(decodeToken(token), keys, expectValid);
  return hitsOf(id, token, { key, secret: suppliedSecret(key) });
}

/** A quiet HS256 token whose HMAC key is these bytes. */
const hmacWith = (key: Uint8Array | string, header: object = {}): string => hmacToken(QUIET_CLAIMS, key, 'HS256', header);

/** A token really signed with a private key from the fixtures (RS256, PS256 or ES*). */
function signedWith(alg: string, privatePem: string, header: object = {}): string {
  const input = `${part({ alg, typ: 'JWT', ...header })}.${part(QUIET_CLAIMS)}`;
  const hash = `sha${alg.slice(2)}`;
  const key = createPrivateKey(keyText(privatePem));
  const signature = alg.startsWith('ES') ? sign(hash, Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }) : sign(hash, Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

const rsaPublic = () => createPublicKey(keyText('rsa.pub.pem'));

describe('alg-confusion', () => {
  it('fires on an HS256 token keyed with the public.pem bytes', async () => {
    expect(await keyHits('alg-confusion', hmacWith(keyText('rsa.pub.pem')), await fixture('rsa.pub.pem'))).toMatchObject([
      { severity: 'critical', category: 'key', path: 'header.alg', evidence: 'HS256 keyed with the PEM as given of rsa.pub.pem' },
    ]);
  });

  it.each([
    ['rsa.pub.pem', () => keyText('rsa.pub.pem').trimEnd(), 'the PEM as given, without its final newline'],
    ['rsa.pkcs1.pub.pem', () => rsaPublic().export({ type: 'spki', format: 'pem' }), 'the SPKI PEM'],
    ['rsa.pub.pem', () => rsaPublic().export({ type: 'pkcs1', format: 'pem' }), 'the PKCS#1 PEM'],
    ['rsa.pub.pem', () => rsaPublic().export({ type: 'pkcs1', format: 'pem' }).toString().trimEnd(), 'the PKCS#1 PEM, without its final newline'],
    ['rsa.pub.pem', () => rsaPublic().export({ type: 'spki', format: 'der' }), 'the SPKI DER bytes'],
    ['rsa.pub.pem', () => rsaPublic().export({ type: 'pkcs1', format: 'der' }), 'the PKCS#1 DER bytes'],
    ['rsa.jwk.json', () => keyText('rsa.jwk.json'), 'the JWK as given'],
    ['rsa.jwk.json', () => JSON.stringify(JSON.parse(keyText('rsa.jwk.json'))), 'the JWK as given, without white space'],
    ['rsa.pub.pem', () => JSON.stringify(JSON.parse(keyText('rsa.jwk.json')), ['e', 'kty', 'n']), 'the canonical JWK (RFC 7638)'],
  ])('tries %s as %#: %s', async (file, secretOf, name) => {
    const hits = await keyHits('alg-confusion', hmacWith(secretOf()), await fixture(file));
    expect(hits.map((h) => h.evidence)).toEqual([`HS256 keyed with ${name} of ${file}`]);
  });

  it('tries the JWKS entry the kid picks', async () => {
    const entry = (JSON.parse(keyText('jwks.json')) as { keys: Array<{ kid: string }> }).keys.find((k) => k.kid === 'ec-256');
    expect(await keyHits('alg-confusion', hmacWith(JSON.stringify(entry), { kid: 'ec-256' }), await fixture('jwks.json'))).toHaveLength(1);
  });

  it('does not fire on RS256 signed by the matching private key, nor on an HS256 token with another secret', async () => {
    expect(await keyHits('alg-confusion', signedWith('RS256', 'rsa.key.pem'), await fixture('rsa.pub.pem'))).toEqual([]);
    expect(await keyHits('alg-confusion', hmacWith('another secret'), await fixture('rsa.pub.pem'))).toEqual([]);
  });

  it('says nothing without a key', () => {
    expect(hitsOf('alg-confusion', hmacWith(keyText('rsa.pub.pem')))).toEqual([]);
  });
});

describe('key-alg-mismatch', () => {
  it('fires on a P-384 key with ES256', async () => {
    expect(await keyHits('key-alg-mismatch', signedWith('ES256', 'ec256.key.pem'), await fixture('ec384.pub.pem'))).toMatchObject([
      { severity: 'high', path: 'header.alg', evidence: 'ES256', note: 'ES256 needs a P-256 key, but the key is an EC P-384 key' },
    ]);
  });

  it('does not fire on a P-256 key with ES256', async () => {
    expect(await keyHits('key-alg-mismatch', signedWith('ES256', 'ec256.key.pem'), await fixture('ec256.pub.pem'))).toEqual([]);
  });

  it.each([
    ['an RSA key with ES256', () => signedWith('ES256', 'ec256.key.pem'), () => fixture('rsa.pub.pem'), 'needs an EC key'],
    ['an EC key with HS256', () => hmacWith('x'), () => fixture('ec256.pub.pem'), 'key confusion refused'],
    ['a 1024-bit RSA key', () => signedWith('RS256', 'rsa1024.key.pem'), () => fixture('rsa1024.pub.pem'), 'at least 2048 bits'],
    ['a secret with RS256', () => signedWith('RS256', 'rsa.key.pem'), async () => secret('a secret'), 'needs an RSA key'],
  ])('fires on %s', async (_what, token, keys, reason) => {
    const [hit] = await keyHits('key-alg-mismatch', token(), await keys());
    expect(hit?.note).toContain(reason);
  });

  it('does not fire when one key of a set fits the token that names no kid', async () => {
    expect(await keyHits('key-alg-mismatch', signedWith('ES384', 'ec384.key.pem'), await fixture('jwks.json'))).toEqual([]);
  });
});

describe('signature-mismatch', () => {
  it('fires on the jwt.io token with the secret "wrong": info, high with --expect-valid', async () => {
    expect(await keyHits('signature-mismatch', JWT_IO, secret('wrong'))).toMatchObject([
      { severity: 'info', path: 'signature', evidence: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    ]);
    expect(await keyHits('signature-mismatch', JWT_IO, secret('wrong'), true)).toMatchObject([{ severity: 'high' }]);
  });

  it('does not fire on the jwt.io token with your-256-bit-secret', async () => {
    expect(await keyHits('signature-mismatch', JWT_IO, secret('your-256-bit-secret'), true)).toEqual([]);
  });

  it('does not check an encrypted token', async () => {
    expect(await keyHits('signature-mismatch', jwe(), secret('wrong'), true)).toEqual([]);
  });
});

describe('kid-mismatch', () => {
  const octJwk = (kid: string) => JSON.stringify({ kty: 'oct', kid, k: Buffer.from('fixture-secret-that-is-32-bytes!').toString('base64url') });

  it('fires on kid "a" verified by key "b"', async () => {
    expect(await keyHits('kid-mismatch', hmacWith('fixture-secret-that-is-32-bytes!', { kid: 'a' }), await keyFile(octJwk('b')))).toMatchObject([
      { severity: 'low', path: 'header.kid', evidence: 'a', note: 'verified by the key with kid "b"' },
    ]);
  });

  it('does not fire on matching kids, a kid that is the RFC 7638 thumbprint, or a key with no kid', async () => {
    expect(await keyHits('kid-mismatch', hmacWith('fixture-secret-that-is-32-bytes!', { kid: 'b' }), await keyFile(octJwk('b')))).toEqual([]);
    const jwk = { ...JSON.parse(keyText('rsa.jwk.json')), kid: 'b' };
    const thumbprint = await calculateJwkThumbprint(jwk);
    expect(await keyHits('kid-mismatch', signedWith('RS256', 'rsa.key.pem', { kid: thumbprint }), await keyFile(JSON.stringify(jwk)))).toEqual([]);
    expect(await keyHits('kid-mismatch', signedWith('RS256', 'rsa.key.pem', { kid: 'a' }), await fixture('rsa.pub.pem'))).toEqual([]);
  });

  it('does not fire when the signature fails', async () => {
    expect(await keyHits('kid-mismatch', hmacWith('another secret', { kid: 'a' }), await keyFile(octJwk('b')))).toEqual([]);
  });
});

describe('private-key-supplied', () => {
  it('fires on a PKCS#8 private PEM, a private JWK, and a set with a private key', async () => {
    const token = signedWith('RS256', 'rsa.key.pem');
    expect(await keyHits('private-key-supplied', token, await fixture('rsa.key.pem'))).toMatchObject([
      { severity: 'info', path: 'key', evidence: 'a PRIVATE KEY block', note: 'in rsa.key.pem' },
    ]);
    expect((await keyHits('private-key-supplied', token, await fixture('rsa.private.jwk.json')))[0]?.evidence).toBe('a private JWK');
    const set = JSON.stringify({ keys: [JSON.parse(keyText('rsa.private.jwk.json')), JSON.parse(keyText('ec256.jwk.json'))] });
    expect((await keyHits('private-key-supplied', token, await keyFile(set)))[0]?.evidence).toBe('1 private JWK in the set');
  });

  it('does not fire on an SPKI PEM, a public JWK or a secret', async () => {
    const token = signedWith('RS256', 'rsa.key.pem');
    expect(await keyHits('private-key-supplied', token, await fixture('rsa.pub.pem'))).toEqual([]);
    expect(await keyHits('private-key-supplied', token, await fixture('rsa.jwk.json'))).toEqual([]);
    expect(privateMaterialIn(null)).toBeNull();
  });
});

describe('the supplied secret', () => {
  it('feeds short-secret and password-like-secret, from --secret or an oct JWK', async () => {
    expect(await keyHits('short-secret', JWT_IO, secret('secret'))).toMatchObject([{ evidence: '6 bytes; HS256 needs 32' }]);
    const oct = JSON.stringify({ kty: 'oct', k: Buffer.from('MyProject2026').toString('base64url') });
    expect(await keyHits('password-like-secret', JWT_IO, await keyFile(oct))).toMatchObject([{ severity: 'medium', evidence: 'M***********6 (13 chars)' }]);
  });
});
