import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { weakSecretFinding } from '../../src/audit/rules/secret.js';
import { BUILTIN_WEAK_SECRETS } from '../../src/audit/secrets/builtin-list.js';
import { letterRun, passwordLikeReasons } from '../../src/audit/secrets/password-like.js';
import { findWeakSecret, signedWithEmptySecret } from '../../src/audit/secrets/weak-secret.js';
import { decodeToken } from '../../src/token/decode.js';
import { hmacToken } from '../helpers/tokens.js';
import { hitsOf, QUIET_CLAIMS } from './helpers.js';
import { ALG_NONE, EMPTY_SECRET, JWT_IO, JWT_TOOL, NULL_SIGNATURE, OWASP_JAVA, OWASP_JWT } from './vectors.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** 32 random bytes as base64url: 43 characters, no run, over 160 bits. */
const RANDOM_SECRET = 'q7Zp2Xv9Lr4Kt1Wm8Ns3Hc6Yd0Fb5Gj2Qe7Ux4Io9A';

describe('the built-in list (docs/audit.md "Rules that need a key, a secret or a wordlist")', () => {
  it('holds the 92 words, each once, without the empty secret', () => {
    expect(BUILTIN_WEAK_SECRETS).toHaveLength(92);
    expect(new Set(BUILTIN_WEAK_SECRETS).size).toBe(92);
    expect(BUILTIN_WEAK_SECRETS).not.toContain('');
  });
});

describe('weak-secret', () => {
  it.each([
    [JWT_IO, 'your-256-bit-secret'],
    [OWASP_JWT, 'a-string-secret-at-least-256-bits-long'],
    [OWASP_JAVA, 'secret'],
  ])('finds the secret of a published token %#', (token, secret) => {
    expect(findWeakSecret(decodeToken(token), BUILTIN_WEAK_SECRETS).match).toBe(secret);
    expect(hitsOf('weak-secret', token)).toMatchObject([{ severity: 'critical', category: 'secret' }]);
  });

  it('masks the secret unless values are shown', () => {
    expect(hitsOf('weak-secret', JWT_IO)[0]).toMatchObject({ evidence: 'y************t (19 chars)', note: 'found in the built-in list after 2 tries' });
    expect(hitsOf('weak-secret', JWT_IO, { showValues: true })[0]?.evidence).toBe('your-256-bit-secret');
  });

  it('does not match the jwt_tool README token', () => {
    expect(findWeakSecret(decodeToken(JWT_TOOL), BUILTIN_WEAK_SECRETS)).toEqual({ match: null, tries: 92 });
    expect(hitsOf('weak-secret', JWT_TOOL)).toEqual([]);
  });

  it('works for HS384 and HS512, and strips a trailing CR from candidates', () => {
    expect(findWeakSecret(decodeToken(hmacToken(QUIET_CLAIMS, 'changeme', 'HS384')), ['x', 'changeme\r'])).toEqual({ match: 'changeme', tries: 2 });
    expect(hitsOf('weak-secret', hmacToken(QUIET_CLAIMS, 'qwerty', 'HS512'))).toHaveLength(1);
  });

  it('feeds candidates as UTF-8', () => {
    expect(findWeakSecret(decodeToken(hmacToken(QUIET_CLAIMS, 'pässwörd')), ['pässwörd']).match).toBe('pässwörd');
  });

  it('tries nothing on tokens that are not HS* with a signature', () => {
    expect(findWeakSecret(decodeToken(ALG_NONE), ['secret'])).toEqual({ match: null, tries: 0 });
    expect(findWeakSecret(decodeToken(NULL_SIGNATURE), ['secret'])).toEqual({ match: null, tries: 0 });
  });

  it('builds the finding for a wordlist match', () => {
    expect(weakSecretFinding({ match: 'hunter22', tries: 1234 }, 'wordlist rockyou.txt', false)).toMatchObject({
      id: 'weak-secret',
      severity: 'critical',
      evidence: 'h******2 (8 chars)',
      note: 'found in wordlist rockyou.txt after 1234 tries',
    });
  });
});

describe('empty-secret', () => {
  it('fires on the zero-length-key token', () => {
    expect(signedWithEmptySecret(decodeToken(EMPTY_SECRET))).toBe(true);
    expect(hitsOf('empty-secret', EMPTY_SECRET)).toMatchObject([{ severity: 'critical' }]);
  });

  it('does not fire on the jwt.io token', () => {
    expect(hitsOf('empty-secret', JWT_IO)).toEqual([]);
  });
});

describe('short-secret', () => {
  it('fires on --secret secret', () => {
    expect(hitsOf('short-secret', JWT_IO, { secret: utf8('secret') })).toMatchObject([{ severity: 'high', evidence: '6 bytes; HS256 needs 32' }]);
  });

  it('needs 48 and 64 bytes for HS384 and HS512', () => {
    expect(hitsOf('short-secret', hmacToken(QUIET_CLAIMS, 'k', 'HS512'), { secret: randomBytes(48) })).toMatchObject([
      { evidence: '48 bytes; HS512 needs 64' },
    ]);
  });

  it('does not fire on 32 random bytes, without a secret, or on a non-HMAC token', () => {
    expect(hitsOf('short-secret', JWT_IO, { secret: randomBytes(32) })).toEqual([]);
    expect(hitsOf('short-secret', JWT_IO)).toEqual([]);
    expect(hitsOf('short-secret', ALG_NONE, { secret: utf8('x') })).toEqual([]);
  });
});

describe('password-like-secret', () => {
  it('fires on MyProject2026, masked', () => {
    expect(hitsOf('password-like-secret', JWT_IO, { secret: utf8('MyProject2026') })).toMatchObject([
      { severity: 'medium', evidence: 'M***********6 (13 chars)', note: 'a well-known weak secret; at most 77 bits (charset × length), under 160' },
    ]);
  });

  it('catches a long repetitive secret that the charset estimate overrates', () => {
    expect(passwordLikeReasons(utf8('aaaa'.repeat(10)))).toEqual(['a repeated or sequential run of 4 letters']);
    expect(letterRun('xyzABCDq')).toBe('ABCD');
  });

  it('does not fire on 43-char base64url of 32 random bytes, on 64+ characters, or on binary secrets', () => {
    expect(passwordLikeReasons(utf8(RANDOM_SECRET))).toEqual([]);
    expect(passwordLikeReasons(utf8('password'.repeat(8)))).toEqual([]);
    expect(passwordLikeReasons(Uint8Array.from([0, 1, 2, 200]))).toEqual([]);
    expect(hitsOf('password-like-secret', JWT_IO, { secret: utf8(RANDOM_SECRET) })).toEqual([]);
  });
});
