import { checkPrimeSync, createHash, createPublicKey, generateKeyPairSync, generatePrimeSync, randomBytes, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicKeyFrom } from '../../src/keys/public-key.js';
import { rsaFlaw } from '../../src/keys/rsa-weakness.js';
import { fuzzSettings } from '../helpers/fuzz.js';
import { keyText } from '../verify/helpers/fixtures.js';

const b64u = (n: bigint): string => {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex').toString('base64url');
};
const E_65537 = b64u(65537n);
const jwkOf = (pem: string) => createPublicKey(pem).export({ format: 'jwk' }) as { n: string; e: string };
const SOUND_N = jwkOf(keyText('rsa.pub.pem')).n;
const SHORT_N = jwkOf(keyText('rsa1024.pub.pem')).n;

const ROCA_REASON = /ROCA fingerprint of Infineon RSALib keys \(CVE-2017-15361\).*anyone can sign/;

/** Real ROCA moduli from public test fixtures. */
const REAL_ROCA = {
  // crocs-muni/roca, roca/tests/data/mod03.txt: a positive sample of the ROCA authors' detection tool, 2048 bits.
  'crocs-muni/roca mod03.txt': b64u(
    BigInt(
      '0x9dcd7420e420c270a68060eb8b5aa7457a9f6648f86fafed2775cc1f79ae962f1e63f1b9e51c55f9ea6fdc7332e9b0058c9ff2eb1fc89855029cf6aafe21e6' +
        '89feb38ac9ffb12f1ce371bb5d0e9aae64161abce74b4244bf68f1edb4411f756a097c8929c14740245ea355f8332d1aa36bb50c7dcb4505da8de02e4e53d38f' +
        '8df06097da7524df0df93db48eac8cc4af2d3a16257eb2b2adca6ba464e5974fa92550d31b1babf161e7692d00b86e3dd886ecab4abfbe1a8f8cc263ff4af55c' +
        'db45f4249a5193925f5e983d762f0b6800943eb0267b08f42ed311ce1f5c86eacbc8ce4d3cb7a2fee1ef5641423a1cf4114e5ecf50034a60a412523af9e6f4aa11',
    ),
  ),
  // badkeys/badkeys, tests/data/rsa-roca.key: the ROCA sample of the badkeys checker, 2048 bits.
  'badkeys/badkeys rsa-roca.key': jwkOf(
    [
      '-----BEGIN RSA PUBLIC KEY-----',
      'MIIBCgKCAQEAkTKtIR/MDftNrkgyashkwifks5Swm9HEkw4ZcCijyQdpTStInk9p',
      'dUrq4zjG6tk5xX9AaYXLu47fmiBVzClGvAXTZbpn6JbG1IERUs+i0pBRT5CzUu7v',
      'J/63L72NzVvJFaT0SUE5zByhCjJE+pflMnX1e1UptOdnN5AHeY4RKkugVse3XO2x',
      'Ms3yH3vTyZdtnaOIFRU0d6E7PrsgRtEAqFHcAGmPUw0ZOW8A++8sS/FlnrxMf9lV',
      'a1/8k/A8otPfrNIipfAoq0MKJ+oxE2wML1DDxIGTGmNaN3gPANJyeuca7ptA+NGq',
      '5oU1x3pWMXgSvrVSXUooNk8xIkrKxSz3LQIDAQAB',
      '-----END RSA PUBLIC KEY-----',
    ].join('\n'),
  ).n,
};

// The construction CVE-2017-15361 describes: primes k·M + (65537^a mod M), M the product of the primes up to 167.
const PRIMES_TO_167 = [
  2n,
  3n,
  5n,
  7n,
  11n,
  13n,
  17n,
  19n,
  23n,
  29n,
  31n,
  37n,
  41n,
  43n,
  47n,
  53n,
  59n,
  61n,
  67n,
  71n,
  73n,
  79n,
  83n,
  89n,
  97n,
  101n,
  103n,
  107n,
  109n,
  113n,
  127n,
  131n,
  137n,
  139n,
  149n,
  151n,
  157n,
  163n,
  167n,
];
const M = PRIMES_TO_167.reduce((a, b) => a * b);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  for (let b = base % modulus, x = exponent; x > 0n; x >>= 1n, b = (b * b) % modulus) if (x & 1n) result = (result * b) % modulus;
  return result;
}

const rocaCandidate = (k: bigint, a: bigint): bigint => k * M + modPow(65537n, a, M);
const randomBits = (bits: number): bigint => BigInt(`0x${randomBytes(Math.ceil(bits / 8)).toString('hex')}`) % (1n << BigInt(bits));

/** A 1024-bit prime as Infineon RSALib made them, its top two bits set so that two make a 2048-bit modulus. */
function rocaPrime(): bigint {
  const low = (3n << 1022n) / M + 1n;
  let k = low + (randomBits(1024) % ((1n << 1022n) / M));
  const a = randomBits(32);
  while (!checkPrimeSync(rocaCandidate(k, a))) k++;
  return rocaCandidate(k, a);
}

describe('rsaFlaw', () => {
  it('finds nothing wrong with a sound key, the fixture or fresh ones', () => {
    expect(rsaFlaw(SOUND_N, E_65537)).toBeNull();
    expect(rsaFlaw(SOUND_N, b64u(3n))).toBeNull();
    for (let i = 0; i < 4; i++) {
      const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }) as { n: string; e: string };
      expect(rsaFlaw(jwk.n, jwk.e)).toBeNull();
    }
  });

  it('refuses e = 1, with which the padded message is its own signature', () => {
    const reason = rsaFlaw(SOUND_N, 'AQ');
    expect(reason).toBe(
      'its public exponent is 1, so anyone can forge a signature that verifies with it: the padded message itself is one (RFC 8017 §3.1 needs e ≥ 3)',
    );
    // Why: RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.2, §9.2) accepts s when s^e mod n is the encoded message, and s^1 is s.
    const data = Buffer.from('{"sub":"admin"}');
    const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), createHash('sha256').update(data).digest()]);
    const bytes = Buffer.from(SOUND_N, 'base64url').byteLength;
    const encoded = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(bytes - digestInfo.byteLength - 3, 0xff), Buffer.from([0]), digestInfo]);
    expect(verify('sha256', data, createPublicKey({ key: { kty: 'RSA', n: SOUND_N, e: 'AQ' }, format: 'jwk' }), encoded)).toBe(true);
  });

  it.each([
    [0n, 'its public exponent 0 is even'],
    [2n, 'its public exponent 2 is even'],
    [4n, 'its public exponent 4 is even'],
    [65536n, 'its public exponent 65536 is even'],
  ])('refuses the even exponent %s, which no RSA key pair can have', (e, start) => {
    const reason = rsaFlaw(SOUND_N, b64u(e));
    expect(reason?.startsWith(start)).toBe(true);
    expect(reason).toContain('RFC 8017 §3.1');
  });

  it("leaves the size to the algorithm check, and still names a short key's flaw", () => {
    expect(rsaFlaw(SHORT_N, E_65537)).toBeNull();
    expect(rsaFlaw(SHORT_N, 'AQ')).toMatch(/^its public exponent is 1/);
  });

  it.each(Object.entries(REAL_ROCA))('finds the ROCA fingerprint in a real vulnerable key (%s)', (_, n) => {
    expect(Buffer.from(n, 'base64url').byteLength * 8).toBe(2048);
    expect(rsaFlaw(n, E_65537)).toMatch(ROCA_REASON);
  });

  it('finds the ROCA fingerprint in a key made as Infineon RSALib made them', () => {
    const n = rocaPrime() * rocaPrime();
    expect(n.toString(2)).toHaveLength(2048);
    expect(rsaFlaw(b64u(n), E_65537)).toMatch(ROCA_REASON);
  });

  it('finds the ROCA fingerprint in any product of numbers of that form', () => {
    const factor = fc.tuple(fc.bigInt({ min: 1n, max: 1n << 900n }), fc.bigInt({ min: 0n, max: 1n << 64n })).map(([k, a]) => rocaCandidate(k, a));
    fc.assert(
      fc.property(factor, factor, (p, q) => ROCA_REASON.test(rsaFlaw(b64u(p * q), E_65537) ?? '')),
      fuzzSettings(300),
    );
  });

  it('flags no random odd 2048-bit modulus (a false positive has odds of about 4e-9)', () => {
    const odd2048 = fc.bigInt({ min: 1n << 2047n, max: (1n << 2048n) - 1n }).map((n) => n | 1n);
    fc.assert(
      fc.property(odd2048, (n) => rsaFlaw(b64u(n), E_65537) === null),
      fuzzSettings(3000),
    );
  });

  it('flags no modulus made of two random primes', () => {
    const primes = Array.from({ length: 40 }, () => generatePrimeSync(1024, { bigint: true }));
    const flagged = primes.flatMap((p, i) => primes.slice(i + 1).filter((q) => rsaFlaw(b64u(p * q), E_65537) !== null));
    expect(flagged).toEqual([]);
  });
});

describe('publicKeyFrom', () => {
  it('gives a sound RSA key and keys of other types no weakness', async () => {
    for (const name of ['rsa.pub.pem', 'ec256.pub.pem', 'ed25519.pub.pem']) {
      expect((await publicKeyFrom(createPublicKey(keyText(name)), name)).weakness).toBeNull();
    }
  });

  it('gives a weak RSA key the reason it must not verify', async () => {
    const weak = async (n: string, e: string) => (await publicKeyFrom(createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' }), 'x')).weakness;
    expect(await weak(SOUND_N, 'AQ')).toMatch(/^its public exponent is 1/);
    expect(await weak(SOUND_N, b64u(65536n))).toMatch(/^its public exponent 65536 is even/);
    expect(await weak(REAL_ROCA['crocs-muni/roca mod03.txt'], E_65537)).toMatch(ROCA_REASON);
    expect(await weak(SHORT_N, E_65537)).toBeNull();
  });
});
