import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import { describe, expect, it } from 'vitest';
import { keySetFromFile } from '../../src/keys/key-file.js';
import type { PublicKey } from '../../src/keys/key.js';
import { keyPath, keyText } from '../verify/helpers/fixtures.js';

const load = (name: string) => keySetFromFile(readFileSync(keyPath(name)), 'key', name);
const bytes = (text: string) => new TextEncoder().encode(text);
const publicJwk = (name: string) => JSON.parse(keyText(name)) as Record<string, string>;

describe('keySetFromFile', () => {
  it.each([
    ['rsa.pub.pem', 'RSA 2048-bit', false],
    ['rsa.pkcs1.pub.pem', 'RSA 2048-bit', false],
    ['rsa.key.pem', 'RSA 2048-bit', true],
    ['rsa.pkcs1.key.pem', 'RSA 2048-bit', true],
    ['rsa.cert.pem', 'RSA 2048-bit', false],
    ['rsa.jwk.json', 'RSA 2048-bit', false],
    ['rsa.private.jwk.json', 'RSA 2048-bit', true],
    ['ec256.pub.pem', 'EC P-256', false],
    ['ec256.sec1.key.pem', 'EC P-256', true],
    ['ec384.pub.pem', 'EC P-384', false],
    ['ec521.pub.pem', 'EC P-521', false],
    ['ed25519.pub.pem', 'OKP Ed25519', false],
    ['ed25519.key.pem', 'OKP Ed25519', true],
  ])('reads %s as one %s key (a private key only for its public half)', async (name, description, isPrivate) => {
    const set = await load(name);
    expect(set.keys).toHaveLength(1);
    const key = set.keys[0] as PublicKey;
    expect(key.type).toBe('public');
    expect(key.description).toBe(description);
    expect(key.jwk).not.toHaveProperty('d');
    expect(set.notes.some((n) => n.includes('only its public half is used'))).toBe(isPrivate);
  });

  it('computes the RFC 7638 thumbprint of the public key, the same from every format', async () => {
    const expected = await calculateJwkThumbprint(publicJwk('rsa.jwk.json') as never);
    for (const name of ['rsa.pub.pem', 'rsa.pkcs1.pub.pem', 'rsa.key.pem', 'rsa.cert.pem', 'rsa.jwk.json', 'rsa.private.jwk.json']) {
      expect(((await load(name)).keys[0] as PublicKey).thumbprint).toBe(expected);
    }
  });

  it('shows the subject and validity of a certificate', async () => {
    const set = await load('rsa.cert.pem');
    expect(set.certificate).toMatchObject({ subject: 'CN=jwt-inspect test signer', notBefore: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(set.certificate!.notAfterSeconds).toBeGreaterThan(set.certificate!.notBeforeSeconds);
  });

  it('keeps the metadata of a JWK and reads a JWKS as a set chosen by kid', async () => {
    const one = await load('rsa.jwk.json');
    expect(one.byKid).toBe(false);
    expect(one.keys[0]).toMatchObject({ kid: 'rsa-1', alg: 'RS256', use: 'sig' });
    const set = await load('jwks.json');
    expect(set.byKid).toBe(true);
    expect(set.keys.map((k) => k.kid)).toEqual(['rsa-1', 'ec-256', 'ec-384', 'ec-521', 'ed-1']);
  });

  it('reads an oct JWK as a secret with no thumbprint to show', async () => {
    const [key] = (await load('oct.jwk.json')).keys;
    expect(key).toMatchObject({ type: 'secret', kid: 'oct-1', description: '256-bit secret' });
  });

  it('skips the keys of a JWKS it cannot use, with a note, and refuses a set with none', async () => {
    const doc = { keys: [{ kty: 'RSA', kid: 'broken', n: 'AAAA' }, 'junk', JSON.parse(keyText('ec256.jwk.json'))] };
    const set = await keySetFromFile(bytes(JSON.stringify(doc)), 'jwks', 'mixed.json');
    expect(set.keys.map((k) => k.kid)).toEqual(['ec-256']);
    expect(set.notes).toEqual([expect.stringContaining('mixed.json keys[0]'), 'mixed.json keys[1] is not a JSON object; skipped']);
    await expect(keySetFromFile(bytes('{"keys":[]}'), 'jwks', 'empty.json')).rejects.toMatchObject({
      code: 'ERR_BAD_KEY',
      message: expect.stringContaining('no key that can verify'),
    });
  });

  it.each([
    ['not a key at all', 'hello', 'neither PEM nor valid JSON'],
    ['JSON that is no JWK', '{"a":1}', 'neither a JWK'],
    ['an unknown key type', '{"kty":"XYZ"}', 'JWK key type "XYZ"'],
    ['a key type named like an Object member', '{"kty":"constructor"}', 'JWK key type "constructor"'],
    ['an encrypted private key', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n', 'encrypted'],
    ['a truncated PEM', '-----BEGIN PUBLIC KEY-----\nMIIB\n', 'no complete PEM block'],
    ['a CSR', '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n', 'not a key'],
  ])('refuses %s with ERR_BAD_KEY', async (_what, text, message) => {
    await expect(keySetFromFile(bytes(text), 'key', 'k.pem')).rejects.toMatchObject({ code: 'ERR_BAD_KEY', message: expect.stringContaining(message) });
  });

  it('never quotes the key material of a broken private key', async () => {
    const broken = keyText('rsa.key.pem').replace(/\n(.{20})/, '\n$1!!');
    const error = await keySetFromFile(bytes(broken), 'key', 'broken.pem').catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'ERR_BAD_KEY' });
    const body = keyText('rsa.key.pem').split('\n')[1]!;
    expect((error as Error).message).not.toContain(body.slice(0, 16));
  });
});
