import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwe, jws } from '../helpers/tokens.js';
import { audit, hitsOf, QUIET_CLAIMS } from './helpers.js';

const DIR = { alg: 'dir', enc: 'A256GCM' };
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const EPK = publicKey.export({ format: 'jwk' });
const EPK_PRIVATE = privateKey.export({ format: 'jwk' });
/** The same x with another y: a point off P-256 (the invalid-curve probe). */
const EPK_OFF_CURVE = { ...EPK, y: EPK.x };

describe('jwe-encrypted', () => {
  it('fires on any 5-part token and never on a 3-part one', () => {
    expect(hitsOf('jwe-encrypted', jwe())).toMatchObject([{ severity: 'info' }]);
    expect(hitsOf('jwe-encrypted', jws({ alg: 'HS256' }, QUIET_CLAIMS))).toEqual([]);
  });

  it('leaves JWS rules quiet on a JWE', () => {
    const ids = audit(jwe()).map((f) => f.id);
    expect(ids).not.toContain('no-expiry');
    expect(ids).not.toContain('alg-unknown');
  });
});

describe('jwe-alg-enc-invalid', () => {
  it('fires on {"alg":"RSA-OAEP"} with no enc, and on unknown values', () => {
    expect(hitsOf('jwe-alg-enc-invalid', jwe({ alg: 'RSA-OAEP' }, 'ZWs'))).toMatchObject([{ path: 'header.enc', note: 'missing' }]);
    expect(hitsOf('jwe-alg-enc-invalid', jwe({ alg: 'RSA-OAEP-999', enc: 'A256CTR' }, 'ZWs')).map((f) => f.path)).toEqual(['header.alg', 'header.enc']);
  });

  it('does not fire on {"alg":"dir","enc":"A256GCM"}', () => {
    expect(hitsOf('jwe-alg-enc-invalid', jwe(DIR))).toEqual([]);
  });
});

describe('jwe-rsa1-5', () => {
  it('fires on RSA1_5, not on RSA-OAEP-256', () => {
    expect(hitsOf('jwe-rsa1-5', jwe({ alg: 'RSA1_5', enc: 'A128GCM' }, 'ZWs'))).toMatchObject([{ severity: 'medium' }]);
    expect(hitsOf('jwe-rsa1-5', jwe({ alg: 'RSA-OAEP-256', enc: 'A128GCM' }, 'ZWs'))).toEqual([]);
  });
});

describe('jwe-compression and jwe-invalid-zip', () => {
  it('compression fires on zip DEF, not without zip', () => {
    expect(hitsOf('jwe-compression', jwe({ ...DIR, zip: 'DEF' }))).toMatchObject([{ severity: 'medium' }]);
    expect(hitsOf('jwe-compression', jwe(DIR))).toEqual([]);
  });

  it('invalid-zip fires on zip GZIP, not on DEF', () => {
    expect(hitsOf('jwe-invalid-zip', jwe({ ...DIR, zip: 'GZIP' }))).toMatchObject([{ severity: 'high', evidence: 'GZIP' }]);
    expect(hitsOf('jwe-invalid-zip', jwe({ ...DIR, zip: 'DEF' }))).toEqual([]);
  });
});

describe('jwe-pbes2-count', () => {
  const pbes2 = (extra: object) =>
    hitsOf('jwe-pbes2-count', jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM', p2s: 'M773JyfWle_alIsksCNMOA', ...extra }, 'ZWs'));

  it('fires high on the GHSA-7f9x PoC count of 2,000,000,000', () => {
    expect(pbes2({ p2c: 2000000000 })).toMatchObject([{ severity: 'high', note: 'over 1200000 (RFC 8725bis): a CPU exhaustion attack' }]);
  });

  it('grades the layered limits', () => {
    expect(pbes2({ p2c: 500 })[0]?.severity).toBe('low');
    expect(pbes2({ p2c: 50000 })[0]).toMatchObject({ severity: 'medium', note: "over jose's default limit of 10000" });
    expect(pbes2({})[0]?.severity).toBe('high');
    expect(pbes2({ p2c: 1.5 })[0]?.severity).toBe('high');
  });

  it('does not fire on p2c 2048', () => {
    expect(pbes2({ p2c: 2048 })).toEqual([]);
  });
});

describe('jwe-pbes2-salt', () => {
  const pbes2 = (p2s: string) => hitsOf('jwe-pbes2-salt', jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM', p2c: 4096, p2s }, 'ZWs'));

  it('fires low on a 3-byte p2s', () => {
    expect(pbes2('AAAA')).toMatchObject([{ severity: 'low', note: '3 bytes, under 8' }]);
  });

  it('is only info (password-based) with a 16-byte p2s', () => {
    expect(pbes2('M773JyfWle_alIsksCNMOA')).toMatchObject([{ severity: 'info' }]);
  });
});

describe('jwe-invalid-epk', () => {
  const ecdh = (epk?: object) => hitsOf('jwe-invalid-epk', jwe({ alg: 'ECDH-ES+A128KW', enc: 'A256GCM', ...(epk ? { epk } : {}) }, 'ZWs'));

  it('fires high on an epk off P-256 and on a missing one', () => {
    expect(ecdh(EPK_OFF_CURVE)).toMatchObject([{ severity: 'high' }]);
    expect(ecdh()).toMatchObject([{ severity: 'high', note: 'missing' }]);
  });

  it('fires critical on an epk with its private d', () => {
    expect(ecdh(EPK_PRIVATE)).toMatchObject([{ severity: 'critical', evidence: 'private members d' }]);
  });

  it('does not fire on a valid P-256 epk', () => {
    expect(ecdh(EPK)).toEqual([]);
  });
});

describe('jwe-dir-with-key', () => {
  it('fires on dir with a non-empty part 2, not with a..b.c.d', () => {
    expect(hitsOf('jwe-dir-with-key', jwe(DIR, 'ZW5jcnlwdGVk'))).toMatchObject([{ severity: 'medium' }]);
    expect(hitsOf('jwe-dir-with-key', jwe(DIR))).toEqual([]);
  });
});

describe('jwe-plaintext-header-data', () => {
  it('fires on a replicated claim holding an email, at the email severity or low', () => {
    expect(hitsOf('jwe-plaintext-header-data', jwe({ ...DIR, sub: 'jane@x.io' }))).toMatchObject([{ severity: 'low', evidence: 'replicated claim sub' }]);
  });

  it('takes the severity of a sensitive value in the header when higher', () => {
    expect(hitsOf('jwe-plaintext-header-data', jwe({ ...DIR, password: 'hunter2' }))).toMatchObject([{ severity: 'critical' }]);
  });

  it('does not fire on a header with only alg, enc and kid', () => {
    expect(hitsOf('jwe-plaintext-header-data', jwe({ ...DIR, kid: 'k1' }))).toEqual([]);
  });
});
