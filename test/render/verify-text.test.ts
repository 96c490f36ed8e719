import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { loadDecryptKey } from '../../src/keys/decrypt-key.js';
import type { KeySet } from '../../src/keys/key.js';
import { loadKeySet } from '../../src/keys/load.js';
import type { KeySpec } from '../../src/keys/spec.js';
import { loadTheme, PLAIN_THEME, type Theme } from '../../src/render/theme.js';
import { verifyText, type KeyProvenance } from '../../src/render/verify-text.js';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
import type { ClaimPolicy } from '../../src/verify/claims.js';
import { verifyToken } from '../../src/verify/verify-token.js';
import { fakeIo } from '../helpers/fake-io.js';
import { fixtureToken, keyText } from '../verify/helpers/fixtures.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const REMOTE = { timeoutMs: 1000, allowHttp: false, ca: null, useCache: false, note: () => {} };
const POLICY: ClaimPolicy = { now: NOW, leeway: 0, issuer: null, audience: [], subject: null, typ: null, maxAge: null, required: [] };
const visible = (s: string): string => s.replaceAll('\u001b', '␛');
/** Key files under relative names, so that messages do not depend on where the repository is. */
const FILES: Record<string, string> = Object.fromEntries(
  ['rsa.pub.pem', 'rsa.key.pem', 'rsa.cert.pem', 'jwks.json', 'rsa-enc.key.pem'].map((name) => [`keys/${name}`, keyText(name)]),
);
/** The base64 lines of the private key: none of them may reach the screen. */
const PRIVATE_PEM_LINES = keyText('rsa.key.pem')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('-----'));

interface Run {
  readonly spec?: KeySpec;
  readonly env?: Record<string, string>;
  readonly policy?: Partial<ClaimPolicy>;
  readonly decryptKey?: string;
  /** The check time, for the verdict and the screen. */
  readonly now?: number;
  readonly theme?: Theme;
}

/** The verify screen as the verify command makes it: keys read through an Io, verifyToken, buildReport, verifyText. */
async function screen(compact: string, run: Run): Promise<string> {
  const io = fakeIo({ env: run.env ?? {}, files: FILES });
  const now = run.now ?? NOW;
  const keys: KeySet | null = run.spec ? await loadKeySet(io, run.spec, REMOTE) : null;
  const decryptKey = run.decryptKey ? await loadDecryptKey(io, { kind: 'file', path: run.decryptKey }) : null;
  const decoded = decodeToken(compact);
  const { verification, opened, signatures } = await verifyToken(decoded, { keys, decryptKey, algorithms: null, policy: { ...POLICY, now, ...run.policy } });
  const report = buildReport(decoded, { token: compact, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now, leeway: 0, opened, signatures });
  const provenance: KeyProvenance | null = keys === null ? null : { source: keys.source, origin: keys.origin, certificate: keys.certificate };
  return verifyText(report, verification, provenance, run.theme ?? PLAIN_THEME);
}
/** The verdict lines: everything above the `Token:` line decode starts with. */
function verdict(out: string): string[] {
  const lines = out.split('\n');
  return lines.slice(
    0,
    lines.findIndex((l) => l.replace(/\u001b\[\d+m/g, '').startsWith('Token: ')),
  );
}

const PUB: KeySpec = { kind: 'key-file', path: 'keys/rsa.pub.pem' };
const JWKS: KeySpec = { kind: 'jwks-file', path: 'keys/jwks.json' };

describe('verifyText', () => {
  it('says VALID first, with the key that verified, then shows the token as decode does, without the UNVERIFIED warning', async () => {
    expect(await screen(fixtureToken('RS256'), { spec: PUB })).toMatchInlineSnapshot(`
      "VALID: the signature (RS256) checks out and every claim check passed.
        key         RSA 2048-bit, SHA-256 thumbprint sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk, from keys/rsa.pub.pem
      Token: JWS, 574 bytes, from the argument (a bare token)

      Header
      {
        "typ": "JWT",
        "alg": "RS256",
        "kid": "rsa-1"
      }

      Payload
      {
        "iss": "https://issuer.example",
        "sub": "user-42",
        "aud": "api://jwt-inspect-tests",
        "iat": 1699999940,
        "nbf": 1699999940,
        "exp": 1700003600
      }

      Signature
        RS256, 256 bytes, verified

      Times (as of 2023-11-14T22:13:20.000Z)
        iat       2023-11-14T22:12:20.000Z  1 minute ago
        nbf       2023-11-14T22:12:20.000Z  1 minute ago
        exp       2023-11-14T23:13:20.000Z  in 1 hour
        lifetime  1 hour
        status    valid, expires in 1 hour

      Key
        kid       rsa-1
        alg       RS256

      Findings (medium and above; \`jwt-inspect audit\` lists all)
        MEDIUM   Lifetime too long [lifetime-too-long]
                 payload.exp: 1 hour (inferred access token; limit 15m)
      "
    `);
  });

  it('names the kid of the key that verified and the JWKS it came from', async () => {
    expect(verdict(await screen(fixtureToken('RS256'), { spec: JWKS }))).toEqual([
      'VALID: the signature (RS256) checks out and every claim check passed.',
      '  key         RSA 2048-bit, kid "rsa-1", SHA-256 thumbprint sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk, from JWKS keys/jwks.json',
    ]);
  });

  it('puts a weak key into the first line: the verdict is only as good as the key', async () => {
    const secret = 'short-secret';
    const out = await screen(hs256({ sub: 'u1', exp: NOW + 600 }, secret), {
      spec: { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false },
      env: { JWT_SECRET: secret },
    });
    expect(verdict(out)).toEqual([
      'VALID, but the key is only 12 bytes, where HS256 needs at least 32 (RFC 7518 §3.2): anyone can brute-force it offline from one token. Otherwise the signature (HS256) checks out and every claim check passed.',
      '  ! warning     the key is only 12 bytes, where HS256 needs at least 32 (RFC 7518 §3.2): anyone can brute-force it offline from one token [weak-key]',
      '  key         96-bit secret, from --secret-env JWT_SECRET',
    ]);
    expect(out).not.toContain(secret);
  });

  it('says INVALID and lists every failed check by what it is about: signature, claim', async () => {
    const out = await screen(fixtureToken('RS256-expired-wrong-audience'), { spec: PUB, policy: { issuer: 'https://other', audience: ['api://other'] } });
    expect(verdict(out)).toEqual([
      'INVALID: do not trust this token. 3 checks failed:',
      '  ✗ iss         unexpected "iss" claim value: expected "https://other", got "https://issuer.example" [ERR_JWT_CLAIM_VALIDATION_FAILED]',
      '  ✗ aud         unexpected "aud" claim value: expected "api://other", got "api://someone-else" [ERR_JWT_CLAIM_VALIDATION_FAILED]',
      '  ✗ exp         "exp" claim timestamp check failed: expired 2023-11-14T21:13:20.000Z, 1 hour ago [ERR_JWT_EXPIRED]',
      '  key         RSA 2048-bit, SHA-256 thumbprint sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk, from keys/rsa.pub.pem',
    ]);
    expect(verdict(await screen(fixtureToken('RS256-tampered'), { spec: PUB }))).toEqual([
      'INVALID: do not trust this token. 1 check failed:',
      '  ✗ signature   signature verification failed [ERR_JWS_SIGNATURE_VERIFICATION_FAILED]',
      '  key         RSA 2048-bit, SHA-256 thumbprint sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk, from keys/rsa.pub.pem',
    ]);
  });

  it('says where the keys came from when none of them verified', async () => {
    expect(verdict(await screen(fixtureToken('RS256-rotated'), { spec: JWKS }))).toEqual([
      'INVALID: do not trust this token. 1 check failed:',
      '  ✗ signature   no key with kid "rsa-2" in keys/jwks.json; on offer: "rsa-1" (RS256, RSA 2048-bit), "ec-256" (any alg, EC P-256), "ec-384" (any alg, EC P-384), "ec-521" (any alg, EC P-521), "ed-1" (any alg, OKP Ed25519) [ERR_JWKS_NO_MATCHING_KEY]',
      '  key         no key verified; keys from JWKS keys/jwks.json',
    ]);
  });

  it('names a failed decryption and a JWE that proves nothing about its sender, with no key line but (none)', async () => {
    const jwe = fixtureToken('JWE-RSA-claims');
    expect(verdict(await screen(jwe, { decryptKey: 'keys/rsa.key.pem' }))).toEqual([
      'INVALID: do not trust this token. 1 check failed:',
      '  ✗ decryption  decryption operation failed (with keys/rsa.key.pem) [ERR_JWE_DECRYPTION_FAILED]',
      '  key         (none)',
    ]);
    expect(verdict(await screen(jwe, { decryptKey: 'keys/rsa-enc.key.pem' }))).toEqual([
      'INVALID: do not trust this token. 1 check failed:',
      '  ✗ token       the JWE holds claims, not a signed JWT, and with key management RSA-OAEP-256 anyone who has the public key can make one, so decrypting it proves nothing about its sender (RFC 7519 §11.2: sign, then encrypt) [ERR_JWT_INVALID]',
      '  key         (none)',
    ]);
  });

  it('never shows the private key it was given, only where it came from', async () => {
    const out = await screen(fixtureToken('RS256'), { spec: { kind: 'key-file', path: 'keys/rsa.key.pem' } });
    expect(verdict(out)).toEqual([
      'VALID: the signature (RS256) checks out and every claim check passed.',
      '  key         RSA 2048-bit, SHA-256 thumbprint sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk, from keys/rsa.key.pem',
    ]);
    expect(PRIVATE_PEM_LINES.filter((line) => out.includes(line))).toEqual([]);
  });

  it.each([
    ['before it is valid', NOW, ' (NOT YET VALID as of the check time)'],
    ['while it is valid', 1_800_000_000, ''],
    ['once it has expired', 2_200_000_000, ' (EXPIRED as of the check time)'],
  ])('shows the certificate the key came in, and says so %s', async (_when, now, status) => {
    const lines = verdict(await screen(fixtureToken('RS256'), { spec: { kind: 'key-file', path: 'keys/rsa.cert.pem' }, now }));
    expect(lines.at(-1)).toBe(`  certificate CN=jwt-inspect test signer, valid 2026-11-26T04:13:00.000Z to 2036-11-23T04:13:00.000Z${status}`);
  });

  it('escapes what comes from the token or the command line: claim values in messages, kids, origins', async () => {
    const secret = 'a-long-enough-random-secret-0123456789';
    const token = hs256({ iss: 'evil\u202e\u009b', exp: NOW + 600 }, secret, { alg: 'HS256', kid: 'k\u001b[2J' });
    const out = await screen(token, {
      spec: { kind: 'secret', from: 'env', value: 'S\u001b]0;x\u0007', base64: false },
      env: { 'S\u001b]0;x\u0007': secret },
      policy: { issuer: 'https://good' },
    });
    expect(verdict(out)).toEqual([
      'INVALID: do not trust this token. 1 check failed:',
      String.raw`  ✗ iss         unexpected "iss" claim value: expected "https://good", got "evil\u202e\u009b" [ERR_JWT_CLAIM_VALIDATION_FAILED]`,
      String.raw`  key         304-bit secret, from --secret-env S\u001b]0;x\u0007`,
    ]);
  });

  it('colours the verdict, the failures and the warnings', async () => {
    const out = await screen(fixtureToken('RS256-expired-wrong-audience'), { spec: PUB, policy: { audience: ['api://other'] }, theme: await loadTheme(1) });
    expect(verdict(out).map(visible)).toEqual([
      '␛[1m␛[31mINVALID␛[39m␛[22m: do not trust this token. 2 checks failed:',
      '  ␛[1m␛[31m✗␛[39m␛[22m aud         unexpected "aud" claim value: expected "api://other", got "api://someone-else" ␛[2m[ERR_JWT_CLAIM_VALIDATION_FAILED]␛[22m',
      '  ␛[1m␛[31m✗␛[39m␛[22m exp         "exp" claim timestamp check failed: expired 2023-11-14T21:13:20.000Z, 1 hour ago ␛[2m[ERR_JWT_EXPIRED]␛[22m',
      '  key         RSA 2048-bit, SHA-256 thumbprint sVTnk5JCdwo5DbcgC4Hd6NU8yd9dhoAwVuQ_BrC9GPk, from keys/rsa.pub.pem',
    ]);
    const weak = await screen(hs256({ sub: 'u1', exp: NOW + 600 }, 'short-secret'), {
      spec: { kind: 'secret', from: 'env', value: 'S', base64: false },
      env: { S: 'short-secret' },
      theme: await loadTheme(1),
    });
    expect(verdict(weak).map(visible)).toEqual([
      '␛[1m␛[33mVALID, but␛[39m␛[22m the key is only 12 bytes, where HS256 needs at least 32 (RFC 7518 §3.2): anyone can brute-force it offline from one token. Otherwise the signature (HS256) checks out and every claim check passed.',
      '  ␛[1m␛[33m!␛[39m␛[22m warning     the key is only 12 bytes, where HS256 needs at least 32 (RFC 7518 §3.2): anyone can brute-force it offline from one token ␛[2m[weak-key]␛[22m',
      '  key         96-bit secret, from --secret-env S',
    ]);
  });
});
