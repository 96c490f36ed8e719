import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { BEFORE_EXPIRY, RFC_7515_A5, RFC_VECTORS } from './helpers/rfc-vectors.js';

async function verifyJson(token: string, jwk: object, ...args: string[]) {
  const io = fakeIo({ files: { 'key.jwk.json': JSON.stringify(jwk) } });
  const code = await main(['verify', '--json', ...BEFORE_EXPIRY, '--key', 'key.jwk.json', ...args, token], io);
  return { code, doc: JSON.parse(io.out()) };
}

describe('the RFC worked examples', () => {
  it.each(RFC_VECTORS.map((v) => [v.name, v] as const))('%s verifies with its key', async (_name, vector) => {
    const { code, doc } = await verifyJson(vector.token, vector.jwk);
    expect(doc.signature).toMatchObject({ alg: vector.alg, verified: true });
    if (vector.claims) {
      expect(code).toBe(0);
      expect(doc.verification).toMatchObject({ valid: true, alg: vector.alg, errors: [] });
      expect(doc.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
    } else {
      // A.4 and RFC 8037 sign plain text: a good signature, but not a JWT.
      expect(code).toBe(1);
      expect(doc.verification.errors).toEqual([{ code: 'ERR_JWT_INVALID', message: 'JWT Claims Set must be a top-level JSON object', claim: null }]);
    }
  });

  it.each(RFC_VECTORS.map((v) => [v.name, v] as const))('%s fails with one byte of the signature changed', async (_name, vector) => {
    const last = vector.token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${vector.token.slice(0, -2)}${last}${vector.token.at(-1)}`;
    const { code, doc } = await verifyJson(tampered, vector.jwk);
    expect(code).toBe(1);
    expect(doc.verification.errors[0].code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('RFC 7515 A.1 is expired now (exp 2011-03-22), and every failure is listed', async () => {
    const io = fakeIo({ files: { 'k.json': JSON.stringify(RFC_VECTORS[0]!.jwk) } });
    expect(await main(['verify', '--json', '--now', '2024-01-01T00:00:00Z', '--key', 'k.json', '--iss', 'alice', RFC_VECTORS[0]!.token], io)).toBe(1);
    expect(JSON.parse(io.out()).verification.errors.map((e: { claim: string }) => e.claim)).toEqual(['iss', 'exp']);
  });

  it('RFC 7515 A.5, the unsecured JWS, never verifies', async () => {
    const { code, doc } = await verifyJson(RFC_7515_A5, RFC_VECTORS[0]!.jwk);
    expect(code).toBe(1);
    expect(doc.token.kind).toBe('unsecured');
    expect(doc.verification.error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });
});
