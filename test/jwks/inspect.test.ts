import { describe, expect, it } from 'vitest';
import { inspectJwks, jwksEntries } from '../../src/jwks/inspect.js';
import { readToolkitFixture } from '../helpers/toolkit-fixtures.js';

/** The fixture certificates are valid for a day ("expired") or a century ("good") from when they were made. */
const NOW = Date.parse('2100-01-01T00:00:00Z') / 1000;

async function report(name: string, now = NOW) {
  return inspectJwks(jwksEntries(JSON.parse(readToolkitFixture(`jwks/${name}`)))!, name, now);
}

describe('inspectJwks', () => {
  it('lists each key with its size or curve, thumbprint and certificate, and finds nothing wrong with a good set', async () => {
    const { keys, findings } = await report('good.json');
    expect(findings).toEqual([]);
    expect(keys.map((k) => [k.kid, k.kty, k.alg, k.use, k.crv, k.bits])).toEqual([
      ['rsa-1', 'RSA', 'RS256', 'sig', null, 2048],
      ['ec-1', 'EC', 'ES256', 'sig', 'P-256', null],
      ['ed-1', 'OKP', 'EdDSA', 'sig', 'Ed25519', null],
    ]);
    expect(keys.every((k) => /^[A-Za-z0-9_-]{43}$/.test(k.thumbprint ?? ''))).toBe(true);
    expect(keys[0]!.certificate).toEqual({
      subject: 'CN=idp.example.com, O=Example',
      notBefore: expect.any(String),
      notAfter: expect.stringMatching(/^21\d\d-/),
    });
    expect(keys[1]!.certificate).toBeNull();
  });

  it('flags every problem of a bad set, worst first', async () => {
    const { findings, keys } = await report('bad.json');
    expect(findings.map((f) => [f.severity, f.id, f.path])).toEqual([
      ['critical', 'jwks-private-key', 'keys[1]'],
      ['critical', 'jwks-private-key', 'keys[5]'],
      ['high', 'jwks-weak-rsa', 'keys[0]'],
      ['high', 'jwks-certificate-validity', 'keys[6].x5c[0]'],
      ['high', 'jwks-bad-certificate', 'keys[7].x5c[0]'],
      ['high', 'jwks-unusable-key', 'keys[8]'],
      ['medium', 'jwks-missing-kid', 'keys[4]'],
      ['medium', 'jwks-duplicate-kid', 'keys[3]'],
      ['low', 'jwks-missing-alg', 'keys[0]'],
      ['low', 'jwks-missing-use', 'keys[0]'],
    ]);
    const evidence = Object.fromEntries(findings.map((f) => [`${f.id} ${f.path}`, f.evidence]));
    expect(evidence['jwks-private-key keys[1]']).toBe('d, p, q, dp, dq, qi');
    expect(evidence['jwks-private-key keys[5]']).toBe('k (a shared HMAC secret)');
    expect(findings.filter((f) => f.note !== null).map((f) => [f.path, f.note])).toEqual([
      ['keys[5]', expect.stringMatching(/^the set also holds public keys: /)],
    ]);
    expect(evidence['jwks-weak-rsa keys[0]']).toBe('1024 bits');
    expect(evidence['jwks-certificate-validity keys[6].x5c[0]']).toMatch(/^expired 20\d\d-.* ago\)$/);
    expect(evidence['jwks-bad-certificate keys[7].x5c[0]']).toMatch(/^the certificate is for another key \(thumbprint [\w-]{43}\)$/);
    expect(evidence['jwks-unusable-key keys[8]']).toContain('the RSA JWK is not a valid key');
    expect(evidence['jwks-duplicate-kid keys[3]']).toBe('kid "twin" at keys[2], keys[3]');
    expect(keys[5]).toMatchObject({ kty: 'oct', bits: 216, thumbprint: expect.stringMatching(/^[\w-]{43}$/) });
    expect(keys[8]).toMatchObject({ kid: 'broken', thumbprint: null, bits: null });
  });

  it('judges certificates as of now', async () => {
    const early = await report('bad.json', Date.parse('2000-01-01T00:00:00Z') / 1000);
    const validity = early.findings.filter((f) => f.id === 'jwks-certificate-validity');
    expect(validity.map((f) => [f.severity, f.path])).toEqual([
      ['medium', 'keys[6].x5c[0]'],
      ['medium', 'keys[7].x5c[0]'],
    ]);
    expect(validity[0]!.evidence).toMatch(/^not valid until 20\d\d-/);
  });

  it.each([
    [{ keys: [] }, ['jwks-empty']],
    [{ keys: ['nope'] }, ['jwks-unusable-key']],
    [{ keys: [{ kty: 'XYZ', kid: 'a', alg: 'x', use: 'sig' }] }, ['jwks-unusable-key']],
    [{ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'a', alg: 'HS256', key_ops: ['verify'] }] }, ['jwks-private-key']],
    [
      { keys: [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', kid: 'a', alg: 'ES256', use: 'sig', x5c: 'not-an-array' }] },
      ['jwks-unusable-key', 'jwks-bad-certificate'],
    ],
  ])('%j → %j', async (doc, ids) => {
    const { findings } = await inspectJwks(jwksEntries(doc)!, 'x', NOW);
    expect(findings.map((f) => f.id)).toEqual(ids);
  });

  it('takes a lone JWK as a set of one, and anything else as no set', () => {
    expect(jwksEntries({ kty: 'EC' })).toEqual([{ kty: 'EC' }]);
    expect(jwksEntries({ keys: 'x' })).toBeNull();
    expect(jwksEntries([])).toBeNull();
    expect(jwksEntries(null)).toBeNull();
  });
});
