import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { auditInput } from '../../src/audit/input.js';
import { keyFacts, suppliedSecret, type KeyFacts } from '../../src/audit/key-facts.js';
import { failsAt, type FailOn } from '../../src/audit/threshold.js';
import { loadKeySet } from '../../src/keys/load.js';
import type { KeySpec } from '../../src/keys/spec.js';
import { auditText, crackProgressText, undecodableText } from '../../src/render/audit-text.js';
import { loadTheme, PLAIN_THEME, type Theme } from '../../src/render/theme.js';
import { buildReport, type InspectOptions, type InspectReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
import { fakeIo } from '../helpers/fake-io.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const SECRET = 'correct-horse';
const REMOTE = { timeoutMs: 1000, allowHttp: false, ca: null, useCache: false, note: () => {} };
const visible = (s: string): string => s.replaceAll('\u001b', '␛');

/** The key facts audit gathers for `--secret-env JWT_SECRET` (or another key spec), read through an Io. */
async function suppliedKey(compact: string, spec: KeySpec, env: Record<string, string>, files: Record<string, string> = {}): Promise<KeyFacts> {
  const keys = await loadKeySet(fakeIo({ env, files }), spec, REMOTE);
  return keyFacts(decodeToken(compact), keys, false);
}
const SECRET_ENV: KeySpec = { kind: 'secret', from: 'env', value: 'JWT_SECRET', base64: false };

/** The report audit builds, with the key facts and the secret when a key option was given. */
function audit(compact: string, options: Partial<InspectOptions> = {}): InspectReport {
  const secret = options.key ? suppliedSecret(options.key) : undefined;
  return buildReport(
    decodeToken(compact),
    { token: compact, as: 'raw', name: null },
    { from: 'argument', count: 1 },
    { now: NOW, leeway: 0, ...options, ...(secret ? { secret } : {}) },
  );
}
/** auditText as the audit command calls it: `failed` is what --fail-on makes of the findings. */
const text = (report: InspectReport, failOn: FailOn, theme: Theme = PLAIN_THEME, key?: KeyFacts): string =>
  auditText(report, theme, failOn, failsAt(report.findings, failOn), key);

const CLEAN = hs256({ sub: 'u1', iss: 'https://issuer.example', aud: 'api', jti: 'j1', iat: NOW - 60, exp: NOW + 600 }, SECRET);
const LEAKY = hs256({ sub: 'jane@example.com', password: 'hunter22', iat: NOW - 60 }, 'a-long-enough-random-secret-0123456789');

describe('auditText', () => {
  it('heads the list with the token, then the findings by severity (worst first), each with where, note and advice, then the verdict', () => {
    expect(text(audit(LEAKY), 'high')).toMatchInlineSnapshot(`
      "Audit JWS HS256, 168 bytes, access token (signature not checked by audit; time as of 2023-11-14T22:13:20.000Z)

      CRITICAL (1)
        CRITICAL Credential in the token [sensitive-credential]
                 payload.password: h******2 (8 chars)
                 credential-named claim; confidence low
                 → Anyone holding the token can read its claims: never put passwords, secrets or API keys in one; rotate this one.

      HIGH (1)
        HIGH     No expiry [no-expiry]
                 payload.exp
                 → Issue tokens with an exp claim; a token without one is valid forever once stolen (RFC 9068 §2.2).

      MEDIUM (1)
        MEDIUM   No audience, or a wildcard [no-audience]
                 payload.aud
                 missing
                 → Issue tokens for one audience and have verifiers check aud (RFC 8725 §3.9); otherwise a token for one service works at another.

      LOW (2)
        LOW      No issuer, or a plain-http issuer [weak-issuer]
                 payload.iss
                 missing
                 → Name the issuer with an https URL and tie verification keys to it (RFC 8725 §3.8).
        LOW      Email address [email-address]
                 payload.sub: j************m (16 chars)
                 email address as subject (can be reassigned); confidence medium
                 → Personal data is readable by every holder of the token; prefer an opaque subject id (OIDC Core §2).

      INFO (2)
        INFO     Symmetric MAC in use [alg-hmac]
                 header.alg: HS256
                 → Every verifier holds the signing secret and it can be cracked offline; prefer a signature unless issuer = audience.
        INFO     No jti [no-jti]
                 payload.jti
                 → Without jti there is no handle to revoke or detect the replay of one token (RFC 9068 §2.2).

      1 critical, 1 high, 1 medium, 2 low, 2 info  FAIL: findings at high or above
      "
    `);
  });

  it('says so when there is nothing to report', () => {
    const report = audit(CLEAN, { ignore: new Set(ruleCatalogue().map((r) => r.id)) });
    expect(text(report, 'low')).toBe(
      [
        'Audit JWS HS256, 215 bytes, access token (signature not checked by audit; time as of 2023-11-14T22:13:20.000Z)',
        '',
        'No findings.',
        '0 critical, 0 high, 0 medium, 0 low, 0 info  PASS: nothing at low or above',
        '',
      ].join('\n'),
    );
  });

  it('says the signature verified with the key given, and shows the supplied secret only masked', async () => {
    const key = await suppliedKey(CLEAN, SECRET_ENV, { JWT_SECRET: SECRET });
    const out = text(audit(CLEAN, { key }), 'high', PLAIN_THEME, key);
    expect(out).toMatchInlineSnapshot(`
      "Audit JWS HS256, 215 bytes, access token (signature verified with --secret-env JWT_SECRET; time as of 2023-11-14T22:13:20.000Z)

      HIGH (1)
        HIGH     Supplied secret too short [short-secret]
                 secret: 13 bytes; HS256 needs 32
                 → RFC 7518 §3.2: an HMAC key MUST be at least as long as the hash (32/48/64 bytes); use random bytes.

      MEDIUM (1)
        MEDIUM   Supplied secret is password-like [password-like-secret]
                 secret: c***********e (13 chars)
                 at most 76 bits (charset × length), under 160
                 → Human-memorable passwords MUST NOT be used as HMAC keys (RFC 8725 §3.5); use 64+ random characters or 32+ random bytes.

      INFO (1)
        INFO     Symmetric MAC in use [alg-hmac]
                 header.alg: HS256
                 → Every verifier holds the signing secret and it can be cracked offline; prefer a signature unless issuer = audience.

      0 critical, 1 high, 1 medium, 0 low, 1 info  FAIL: findings at high or above
      "
    `);
    expect(out).not.toContain(SECRET);
  });

  it('says when the signature does not verify with the key given', async () => {
    const key = await suppliedKey(CLEAN, SECRET_ENV, { JWT_SECRET: 'another-secret-of-thirty-two-b!!' });
    expect(text(audit(CLEAN, { key }), 'high', PLAIN_THEME, key).split('\n')[0]).toBe(
      'Audit JWS HS256, 215 bytes, access token (signature does not verify with --secret-env JWT_SECRET; time as of 2023-11-14T22:13:20.000Z)',
    );
  });

  it('says a JWE signature is not checked: the token is encrypted', async () => {
    const jwe = `${encode('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y3Q.dGFn`;
    const key = await suppliedKey(jwe, SECRET_ENV, { JWT_SECRET: SECRET });
    expect(text(audit(jwe, { key }), 'high', PLAIN_THEME, key).split('\n')[0]).toBe(
      'Audit JWE dir, 53 bytes, access token (signature not checked: the token is encrypted; time as of 2023-11-14T22:13:20.000Z)',
    );
  });

  it('escapes the alg of the token and the origin of the key', async () => {
    const hostile = jws({ alg: 'HS256\u001b[2J\u202e' }, { sub: 'u1' });
    const spec: KeySpec = { kind: 'secret', from: 'file', value: 'se\u001b]0;x\u0007cret.txt', base64: false };
    const key = await suppliedKey(hostile, spec, {}, { 'se\u001b]0;x\u0007cret.txt': SECRET });
    expect(text(audit(hostile, { key }), 'high', PLAIN_THEME, key).split('\n')[0]).toBe(
      String.raw`Audit JWS HS256\u001b[2J\u202e, 66 bytes, access token (signature does not verify with --secret-file se\u001b]0;x\u0007cret.txt; time as of 2023-11-14T22:13:20.000Z)`,
    );
  });

  it('says (no alg) for a token without one', () => {
    expect(text(audit(jws({ typ: 'JWT' }, { sub: 'u1' })), 'high').split('\n')[0]).toBe(
      'Audit JWS (no alg), 48 bytes, access token (signature not checked by audit; time as of 2023-11-14T22:13:20.000Z)',
    );
  });

  it('colours the heading, each severity group and the verdict', async () => {
    const key = await suppliedKey(CLEAN, SECRET_ENV, { JWT_SECRET: SECRET });
    expect(visible(text(audit(CLEAN, { key }), 'high', await loadTheme(1), key))).toMatchInlineSnapshot(`
      "␛[1m␛[4mAudit␛[24m␛[22m JWS HS256, 215 bytes, access token␛[2m (signature verified with --secret-env JWT_SECRET; time as of 2023-11-14T22:13:20.000Z)␛[22m

      ␛[1m␛[31mHIGH (1)␛[39m␛[22m
        ␛[1m␛[31mHIGH    ␛[39m␛[22m Supplied secret too short ␛[2m[short-secret]␛[22m
                 secret: 13 bytes; HS256 needs 32
                 ␛[2m→ RFC 7518 §3.2: an HMAC key MUST be at least as long as the hash (32/48/64 bytes); use random bytes.␛[22m

      ␛[33mMEDIUM (1)␛[39m
        ␛[33mMEDIUM  ␛[39m Supplied secret is password-like ␛[2m[password-like-secret]␛[22m
                 secret: c***********e (13 chars)
                 ␛[2mat most 76 bits (charset × length), under 160␛[22m
                 ␛[2m→ Human-memorable passwords MUST NOT be used as HMAC keys (RFC 8725 §3.5); use 64+ random characters or 32+ random bytes.␛[22m

      ␛[2mINFO (1)␛[22m
        ␛[2mINFO    ␛[22m Symmetric MAC in use ␛[2m[alg-hmac]␛[22m
                 header.alg: HS256
                 ␛[2m→ Every verifier holds the signing secret and it can be cracked offline; prefer a signature unless issuer = audience.␛[22m

      0 critical, 1 high, 1 medium, 0 low, 1 info  ␛[1m␛[31mFAIL: findings at high or above␛[39m␛[22m
      "
    `);
  });
});

describe('undecodableText', () => {
  it('lists what the input rules say about text that holds no token', () => {
    expect(undecodableText(auditInput('a.b.c.d'), PLAIN_THEME)).toBe(
      [
        'Audit the input holds no token that can be decoded',
        '',
        'MEDIUM (1)',
        '  MEDIUM   Not compact JWS/JWE [not-compact]',
        '           4 parts',
        '           a JWS has 3 dot-separated parts, a JWE 5',
        '           → A JWT is 3 (JWS) or 5 (JWE) base64url parts separated by dots (RFC 7519 §7.2); check how the token was copied.',
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('crackProgressText', () => {
  it('counts the candidates tried and the rate, with thousands separators', () => {
    expect(crackProgressText(1_234_567, 3)).toBe('weak-secret: 1,234,567 candidates tried, 411,522/s');
    expect(crackProgressText(12, 0)).toBe('weak-secret: 12 candidates tried');
  });
});
