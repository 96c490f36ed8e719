import { generateKeyPair, SignJWT } from 'jose';
import { encode } from 'jose/base64url';
import { beforeAll, describe, expect, it } from 'vitest';
import { jws } from '../helpers/tokens.js';
import { hitsOf, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';
import { ALG_NONE, JWT_IO, NULL_SIGNATURE, PSYCHIC_ES256 } from './vectors.js';

const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const WSTG_NONE = 'eyJhbGciOiJOb05lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiJ9.';

function bytesOf(n: bigint, size: number): Buffer {
  return Buffer.from(n.toString(16).padStart(size * 2, '0'), 'hex');
}

/** The same signature as DER (what OpenSSL emits) instead of raw R‖S. */
function toDer(raw: Buffer): Buffer {
  const int = (b: Buffer): Buffer => {
    let v = b;
    while (v.length > 1 && v[0] === 0) v = v.subarray(1);
    if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([int(raw.subarray(0, 32)), int(raw.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

let es256: string;
let es256HighS: string;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const token = await new SignJWT({ ...QUIET_CLAIMS }).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1' }).sign(privateKey);
  const [h, p, s] = token.split('.') as [string, string, string];
  const sig = Buffer.from(s, 'base64url');
  const sValue = BigInt(`0x${sig.subarray(32).toString('hex')}`);
  // Whichever of s and n − s is high: the other one is the low-s form.
  const high = sValue > P256_N / 2n ? sValue : P256_N - sValue;
  const low = P256_N - high;
  es256 = `${h}.${p}.${encode(Buffer.concat([sig.subarray(0, 32), bytesOf(low, 32)]))}`;
  es256HighS = `${h}.${p}.${encode(Buffer.concat([sig.subarray(0, 32), bytesOf(high, 32)]))}`;
});

describe('alg-none', () => {
  it('fires on alg none and on the WSTG NoNe token, noting the case variant', () => {
    expect(hitsOf('alg-none', ALG_NONE)).toMatchObject([{ severity: 'critical', evidence: 'none', note: null }]);
    expect(hitsOf('alg-none', WSTG_NONE)).toMatchObject([{ evidence: 'NoNe', note: 'case variant: blocklist bypass' }]);
  });

  it('does not fire on the jwt.io token', () => {
    expect(hitsOf('alg-none', JWT_IO)).toEqual([]);
  });
});

describe('alg-unknown', () => {
  it('fires medium on an unregistered name and high on a non-string or missing alg', () => {
    expect(hitsOf('alg-unknown', jws({ alg: 'HS257' }, QUIET_CLAIMS))).toMatchObject([{ severity: 'medium', evidence: 'HS257' }]);
    expect(hitsOf('alg-unknown', jws({ alg: ['HS256'] }, QUIET_CLAIMS))).toMatchObject([{ severity: 'high', evidence: 'a JSON array' }]);
    expect(hitsOf('alg-unknown', jws({ typ: 'JWT' }, QUIET_CLAIMS))).toMatchObject([{ severity: 'high', note: 'missing' }]);
  });

  it.each([['EdDSA'], ['Ed25519'], ['ES256K'], ['PS512'], ['none']])('does not fire on %s', (alg) => {
    expect(hitsOf('alg-unknown', jws({ alg }, QUIET_CLAIMS))).toEqual([]);
  });

  it('is case-sensitive (RFC 7515 §4.1.1)', () => {
    expect(hitsOf('alg-unknown', jws({ alg: 'hs256' }, QUIET_CLAIMS))).toHaveLength(1);
  });

  it('leaves a JWE alg to jwe-alg-enc-invalid', () => {
    expect(hitsOf('alg-unknown', `${encode('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`)).toEqual([]);
  });
});

describe('alg-hmac and alg-rsa-pkcs1', () => {
  it('alg-hmac fires on the jwt.io token, not on RS256', () => {
    expect(hitsOf('alg-hmac', JWT_IO)).toMatchObject([{ severity: 'info', evidence: 'HS256' }]);
    expect(hitsOf('alg-hmac', jws({ alg: 'RS256' }, QUIET_CLAIMS))).toEqual([]);
  });

  it('alg-rsa-pkcs1 fires on RS256, not on PS256', () => {
    expect(hitsOf('alg-rsa-pkcs1', jws({ alg: 'RS256' }, QUIET_CLAIMS, encode(new Uint8Array(256).fill(1))))).toHaveLength(1);
    expect(hitsOf('alg-rsa-pkcs1', jws({ alg: 'PS256' }, QUIET_CLAIMS, encode(new Uint8Array(256).fill(1))))).toEqual([]);
  });
});

describe('empty-signature and none-with-signature', () => {
  it('empty-signature fires on an HS256 token without a signature', () => {
    expect(hitsOf('empty-signature', NULL_SIGNATURE)).toMatchObject([{ severity: 'critical', path: 'signature' }]);
  });

  it('empty-signature does not fire on an alg:none token', () => {
    expect(hitsOf('empty-signature', ALG_NONE)).toEqual([]);
  });

  it('none-with-signature fires on a none header with a signature, not on the plain none token', () => {
    expect(hitsOf('none-with-signature', `${ALG_NONE}c2ln`)).toMatchObject([{ severity: 'high' }]);
    expect(hitsOf('none-with-signature', ALG_NONE)).toEqual([]);
  });
});

describe('signature-size', () => {
  it('fires on HS256 with a 31-byte signature', () => {
    expect(hitsOf('signature-size', jws(QUIET_HEADER, QUIET_CLAIMS, encode(new Uint8Array(31).fill(1))))).toMatchObject([
      { evidence: '31 bytes; HS256 makes 32' },
    ]);
  });

  it('fires on ES256 with a DER signature and says so', () => {
    const [h, p, s] = es256.split('.') as [string, string, string];
    const der = encode(toDer(Buffer.from(s, 'base64url')));
    expect(hitsOf('signature-size', `${h}.${p}.${der}`)).toMatchObject([{ note: 'DER, not raw R‖S' }]);
  });

  it('does not fire on the jwt.io token, a real ES256 token or EdDSA of either curve', () => {
    expect(hitsOf('signature-size', JWT_IO)).toEqual([]);
    expect(hitsOf('signature-size', es256)).toEqual([]);
    expect(hitsOf('signature-size', jws({ alg: 'EdDSA' }, QUIET_CLAIMS, encode(new Uint8Array(114).fill(1))))).toEqual([]);
  });

  it('knows no size for an alg named like an Object member', () => {
    expect(hitsOf('signature-size', jws({ alg: 'toString' }, QUIET_CLAIMS, encode(new Uint8Array(31).fill(1))))).toEqual([]);
  });

  it('leaves an empty signature to empty-signature', () => {
    expect(hitsOf('signature-size', NULL_SIGNATURE)).toEqual([]);
  });
});

describe('ecdsa-zero-signature', () => {
  it('fires on the psychic signature (r = s = 0)', () => {
    expect(hitsOf('ecdsa-zero-signature', PSYCHIC_ES256)).toMatchObject([{ severity: 'critical', evidence: 'r = 0, s = 0' }]);
  });

  it('fires when s ≥ n', () => {
    const [h, p, s] = es256.split('.') as [string, string, string];
    const r = Buffer.from(s, 'base64url').subarray(0, 32);
    expect(hitsOf('ecdsa-zero-signature', `${h}.${p}.${encode(Buffer.concat([r, bytesOf(P256_N, 32)]))}`)).toMatchObject([{ evidence: 's ≥ n' }]);
  });

  it('does not fire on a real ES256 token', () => {
    expect(hitsOf('ecdsa-zero-signature', es256)).toEqual([]);
  });
});

describe('ecdsa-high-s', () => {
  it('fires on a valid token with s replaced by n − s', () => {
    expect(hitsOf('ecdsa-high-s', es256HighS)).toMatchObject([{ severity: 'info' }]);
  });

  it('does not fire on the low-s original', () => {
    expect(hitsOf('ecdsa-high-s', es256)).toEqual([]);
  });
});

describe('rsa-key-too-small', () => {
  const rs256 = (bytes: number): string => jws({ alg: 'RS256', typ: 'JWT' }, QUIET_CLAIMS, encode(new Uint8Array(bytes).fill(9)));

  it('fires high on a 171-character (1024-bit) signature', () => {
    const token = rs256(128);
    expect(token.split('.')[2]).toHaveLength(171);
    expect(hitsOf('rsa-key-too-small', token)).toMatchObject([{ severity: 'high', evidence: '128-byte signature: a 1024-bit key' }]);
  });

  it('fires critical on a 512-bit key', () => {
    expect(hitsOf('rsa-key-too-small', rs256(64))).toMatchObject([{ severity: 'critical', note: 'factorable' }]);
  });

  it('does not fire on a 342-character (2048-bit) signature', () => {
    const token = rs256(256);
    expect(token.split('.')[2]).toHaveLength(342);
    expect(hitsOf('rsa-key-too-small', token)).toEqual([]);
  });
});
