import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { loadDecryptKey } from '../../src/keys/decrypt-key.js';
import { decodeText, type DecodeTextOptions } from '../../src/render/decode-text.js';
import { loadTheme, PLAIN_THEME } from '../../src/render/theme.js';
import { buildReport, type Checked, type InspectReport } from '../../src/report/inspect.js';
import { redactReport } from '../../src/report/redact.js';
import { decodeToken } from '../../src/token/decode.js';
import type { FoundToken } from '../../src/token/extract.js';
import { decryptToken, type Opened } from '../../src/verify/decrypt.js';
import { fakeIo } from '../helpers/fake-io.js';
import { fixtureToken, keyPath } from '../verify/helpers/fixtures.js';

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
const SECRET = 'a-long-enough-random-secret-0123456789';
/** What the decode command passes. */
const DECODE: DecodeTextOptions = { minSeverity: 'medium', redacted: false };
const visible = (s: string): string => s.replaceAll('\u001b', '␛');
// Anything a terminal acts on or hides (the newline aside): C0/C1 controls, DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function build(compact: string, checked: Checked = {}, found: Partial<FoundToken> = {}, from: 'argument' | 'stdin' = 'argument', count = 1): InspectReport {
  return buildReport(decodeToken(compact), { token: compact, as: 'raw', name: null, ...found }, { from, count }, { now: NOW, leeway: 0, ...checked });
}

/** The lines of one section of the screen: from its heading to the blank line after it. */
function section(out: string, heading: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l === heading || l.startsWith(`${heading} (`));
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

async function decrypted(compact: string): Promise<Opened> {
  const key = await loadDecryptKey(fakeIo(), { kind: 'file', path: keyPath('rsa-enc.key.pem') });
  const opened = await decryptToken(decodeToken(compact), key);
  if (opened.kind === 'failed') throw new Error(opened.error.message);
  return opened;
}

const SESSION = hs256({ sub: 'user-42', email: 'jane@example.com', password: 'hunter22', iat: NOW - 60, exp: NOW + 600 }, SECRET, {
  alg: 'HS256',
  typ: 'JWT',
  kid: 'k1',
});

describe('decodeText', () => {
  it('warns that nothing was verified, then shows where the token came from, its parts, signature, times, key and findings', () => {
    const report = build(SESSION, {}, { as: 'cookie', name: 'session' }, 'stdin', 2);
    expect(decodeText(report, PLAIN_THEME, DECODE)).toMatchInlineSnapshot(`
      "UNVERIFIED: decoded only, the signature was NOT checked. Anyone can make a token that decodes like this; use \`jwt-inspect verify\` with a key.
      Token: JWS, 230 bytes, from stdin (cookie 'session')

      Header
      {
        "alg": "HS256",
        "typ": "JWT",
        "kid": "k1"
      }

      Payload
      {
        "sub": "user-42",
        "email": "jane@example.com",  ◀ low: email address (email-address)
        "password": "hunter22",  ◀ critical: credential in the token (sensitive-credential)
        "iat": 1699999940,
        "exp": 1700000600
      }

      Signature
        HS256, 32 bytes, not verified

      Times (as of 2023-11-14T22:13:20.000Z)
        iat       2023-11-14T22:12:20.000Z  1 minute ago
        exp       2023-11-14T22:23:20.000Z  in 10 minutes
        lifetime  11 minutes
        status    valid, expires in 10 minutes (times only: the signature is not checked)

      Key
        kid       k1
        alg       HS256

      Findings (medium and above; \`jwt-inspect audit\` lists all)
        CRITICAL Credential in the token [sensitive-credential]
                 payload.password: h******2 (8 chars) (credential-named claim; confidence low)
        MEDIUM   No audience, or a wildcard [no-audience]
                 payload.aud (missing)
      "
    `);
  });

  it('shows a redacted copy: sensitive values by length and hash, and no signature', () => {
    const out = decodeText(redactReport(build(SESSION)), PLAIN_THEME, { ...DECODE, redacted: true });
    expect(section(out, 'Payload')).toMatchInlineSnapshot(`
      [
        "Payload",
        "{",
        "  "sub": "user-42",",
        "  "email": "[redacted: 16 chars, sha256 8c87b489]",  ◀ low: email address (email-address)",
        "  "password": "[redacted: 8 chars, sha256 20d2fe5e]",  ◀ critical: credential in the token (sensitive-credential)",
        "  "iat": 1699999940,",
        "  "exp": 1700000600",
        "}",
      ]
    `);
    expect(section(out, 'Signature')).toEqual(['Signature', '  (dropped from this redacted copy)']);
    expect(out).not.toContain('hunter22');
    expect(out).not.toContain('jane@example.com');
  });

  it("puts verify's verdict in place of the UNVERIFIED warning, and no longer says the signature is unchecked", () => {
    const out = decodeText(build(SESSION, { signatures: { token: true, inner: false } }), PLAIN_THEME, {
      ...DECODE,
      banner: ['VALID: the signature (HS256) checks out and every claim check passed.', '  key         256-bit secret'],
    });
    expect(out.split('\n').slice(0, 3)).toEqual([
      'VALID: the signature (HS256) checks out and every claim check passed.',
      '  key         256-bit secret',
      'Token: JWS, 230 bytes, from the argument (a bare token)',
    ]);
    expect(section(out, 'Signature')).toEqual(['Signature', '  HS256, 32 bytes, verified']);
    expect(section(out, 'Times').at(-1)).toBe('  status    valid, expires in 10 minutes');
  });

  it.each([
    [
      'expired',
      { iat: NOW - 3600, exp: NOW - 60 },
      ['  iat       2023-11-14T21:13:20.000Z  1 hour ago', '  exp       2023-11-14T22:12:20.000Z  1 minute ago'],
      '  lifetime  59 minutes',
      '  status    EXPIRED 1 minute ago',
    ],
    [
      'not yet valid',
      { nbf: NOW + 120, exp: NOW + 600 },
      ['  nbf       2023-11-14T22:15:20.000Z  in 2 minutes', '  exp       2023-11-14T22:23:20.000Z  in 10 minutes'],
      null,
      '  status    NOT YET VALID, starts in 2 minutes',
    ],
    [
      'without exp',
      { iat: NOW - 60, auth_time: NOW - 120 },
      ['  iat       2023-11-14T22:12:20.000Z  1 minute ago', '  auth_time 2023-11-14T22:11:20.000Z  2 minutes ago'],
      null,
      '  status    NO EXPIRY: valid forever once issued',
    ],
  ])('tells the times of a token %s', (_what, claims, times, lifetime, status) => {
    const out = decodeText(build(hs256({ sub: 'u', ...claims }, SECRET)), PLAIN_THEME, DECODE);
    expect(section(out, 'Times')).toEqual(['Times (as of 2023-11-14T22:13:20.000Z)', ...times, ...(lifetime ? [lifetime] : []), status]);
  });

  it('lists findings down to the severity asked for, and says when there are none at it', () => {
    const report = build(SESSION);
    expect(section(decodeText(report, PLAIN_THEME, { ...DECODE, minSeverity: 'critical' }), 'Findings')).toEqual([
      'Findings (critical and above; `jwt-inspect audit` lists all)',
      '  CRITICAL Credential in the token [sensitive-credential]',
      '           payload.password: h******2 (8 chars) (credential-named claim; confidence low)',
    ]);
    const clean = build(hs256({ sub: 'u', iat: NOW - 60, exp: NOW + 600 }, SECRET));
    expect(section(decodeText(clean, PLAIN_THEME, { ...DECODE, minSeverity: 'high' }), 'Findings')).toEqual([
      'Findings (high and above; `jwt-inspect audit` lists all)',
      '  none at high or above',
    ]);
    expect(section(decodeText(clean, PLAIN_THEME, { ...DECODE, minSeverity: 'info' }), 'Findings')).toMatchInlineSnapshot(`
      [
        "Findings (info and above; \`jwt-inspect audit\` lists all)",
        "  MEDIUM   No audience, or a wildcard [no-audience]",
        "           payload.aud (missing)",
        "  LOW      No issuer, or a plain-http issuer [weak-issuer]",
        "           payload.iss (missing)",
        "  INFO     Symmetric MAC in use [alg-hmac]",
        "           header.alg: HS256",
        "  INFO     No jti [no-jti]",
        "           payload.jti",
      ]
    `);
  });

  it('shows a payload that is text, and one that is not even UTF-8', () => {
    const text = decodeText(build(jws('{"alg":"HS256"}', 'hello\u001b[2J\u202e world')), PLAIN_THEME, DECODE);
    expect(section(text, 'Payload')).toEqual(['Payload', '(text, not a JSON object)', String.raw`hello\u001b[2J\u202e world`]);
    const binary = decodeText(build(`${encode('{"alg":"HS256"}')}.${encode(Uint8Array.of(0xff, 0xfe, 0x00))}.c2ln`), PLAIN_THEME, DECODE);
    expect(section(binary, 'Payload')).toEqual(['Payload', '(binary, not UTF-8; base64url)', '__4A']);
  });

  it('shows a JWE without its key as encrypted, with no signature', () => {
    const out = decodeText(build(fixtureToken('JWE-RSA-claims')), PLAIN_THEME, DECODE);
    expect(out.split('\n')[1]).toBe('Token: JWE, 610 bytes, from the argument (a bare token)');
    expect(section(out, 'Header')).toEqual(['Header', '{', '  "alg": "RSA-OAEP-256",', '  "enc": "A256GCM"', '}']);
    expect(section(out, 'Payload')).toEqual(['Payload', 'encrypted (JWE, alg RSA-OAEP-256, enc A256GCM); decrypt it with --decrypt-key']);
    expect(section(out, 'Signature')).toEqual(['Signature', '  (none: a JWE carries an authentication tag instead)']);
    expect(section(out, 'Key')).toEqual(['Key', '  kid       (none)', '  alg       RSA-OAEP-256']);
    expect(section(out, 'Findings')).toEqual(['Findings (medium and above; `jwt-inspect audit` lists all)', '  none at medium or above']);
  });

  // KNOWN BUG (see the report of the render tests): the claims of a JWE that was not decrypted are
  // unknown, yet the Times section says "NO EXPIRY: valid forever once issued" (audit raises no
  // no-expiry finding for it, and the scan table says "encrypted"). Drop `.fails` once it is fixed.
  it.fails('does not call an encrypted token without a key valid forever', () => {
    const out = decodeText(build(fixtureToken('JWE-RSA-claims')), PLAIN_THEME, DECODE);
    expect(section(out, 'Times').at(-1)).not.toBe('  status    NO EXPIRY: valid forever once issued');
  });

  it("shows a decrypted JWE's claims below it, and never the key that decrypted it", async () => {
    const jwe = fixtureToken('JWE-RSA-claims');
    expect(decodeText(build(jwe, { opened: await decrypted(jwe) }), PLAIN_THEME, DECODE)).toMatchInlineSnapshot(`
      "UNVERIFIED: decoded only, the signature was NOT checked. Anyone can make a token that decodes like this; use \`jwt-inspect verify\` with a key.
      Token: JWE, 610 bytes, from the argument (a bare token)

      Header
      {
        "alg": "RSA-OAEP-256",
        "enc": "A256GCM"
      }

      Payload
      encrypted (JWE, alg RSA-OAEP-256, enc A256GCM); decrypted below

      Decrypted JWE: its contents
      Inner Header
      {
        "alg": "RSA-OAEP-256",
        "enc": "A256GCM"
      }

      Inner Payload
      {
        "iss": "https://issuer.example",
        "sub": "user-42",
        "aud": "api://jwt-inspect-tests",
        "iat": 1699999940,
        "nbf": 1699999940,
        "exp": 1700003600
      }

      Signature
        (none: a JWE carries an authentication tag instead)

      Times (as of 2023-11-14T22:13:20.000Z)
        iat       2023-11-14T22:12:20.000Z  1 minute ago
        nbf       2023-11-14T22:12:20.000Z  1 minute ago
        exp       2023-11-14T23:13:20.000Z  in 1 hour
        lifetime  1 hour
        status    valid, expires in 1 hour (times only: the signature is not checked)

      Key
        kid       (none)
        alg       RSA-OAEP-256

      Findings (medium and above; \`jwt-inspect audit\` lists all)
        MEDIUM   Lifetime too long [lifetime-too-long]
                 inner.payload.exp: 1 hour (inferred access token; limit 15m)
      "
    `);
  });

  it('shows the signature of the JWT a JWE holds', async () => {
    const jwe = fixtureToken('JWE-nested-ES256');
    const out = decodeText(build(jwe, { opened: await decrypted(jwe) }), PLAIN_THEME, DECODE);
    expect(section(out, 'Decrypted JWE: its contents')).toEqual([
      'Decrypted JWE: its contents',
      'Inner Header',
      '{',
      '  "typ": "JWT",',
      '  "alg": "ES256",',
      '  "kid": "ec-256"',
      '}',
    ]);
    expect(section(out, 'Signature')).toEqual(['Signature', '  inner token: ES256, 64 bytes, not verified']);
  });

  it('shows a nested JWT (cty: JWT) as the inner token, marking its sensitive claims at inner. paths', () => {
    const inner = jws({ alg: 'HS256' }, { sub: 'inner', password: 'hunter22', iat: NOW - 60, exp: NOW + 600 });
    const nested = `${encode('{"alg":"HS256","cty":"JWT"}')}.${encode(inner)}.c2ln`;
    const out = decodeText(build(nested), PLAIN_THEME, DECODE);
    expect(section(out, 'Nested JWT (cty: JWT): the inner token').slice(0, 2)).toEqual(['Nested JWT (cty: JWT): the inner token', 'Inner Header']);
    expect(section(out, 'Inner Payload')).toEqual([
      'Inner Payload',
      '{',
      '  "sub": "inner",',
      '  "password": "hunter22",  ◀ critical: credential in the token (sensitive-credential)',
      '  "iat": 1699999940,',
      '  "exp": 1700000600',
      '}',
    ]);
  });

  it('escapes ANSI escapes, control characters and bidi overrides from every part of the token and where it was found', () => {
    const hostile = jws(
      { alg: 'HS256\u001b[2J', kid: 'k\u202e1\u0007', typ: 'JWT' },
      { 'pass\u001b]0;x\u0007word': 'hunter22\u009b', sub: 'ad\u202emin', iat: NOW - 60, exp: NOW + 600 },
    );
    const out = decodeText(build(hostile, {}, { as: 'cookie', name: 'se\u001b[1mssion' }), PLAIN_THEME, { ...DECODE, minSeverity: 'info' });
    expect(out).not.toMatch(DANGEROUS);
    expect(out).toMatchInlineSnapshot(`
      "UNVERIFIED: decoded only, the signature was NOT checked. Anyone can make a token that decodes like this; use \`jwt-inspect verify\` with a key.
      Token: JWS, 212 bytes, from the argument (cookie 'se\\u001b[1mssion')

      Header
      {
        "alg": "HS256\\u001b[2J",
        "kid": "k\\u202e1\\u0007",
        "typ": "JWT"
      }

      Payload
      {
        "pass\\u001b]0;x\\u0007word": "hunter22\\u009b",
        "sub": "ad\\u202emin",
        "iat": 1699999940,
        "exp": 1700000600
      }

      Signature
        HS256\\u001b[2J, 9 bytes, not verified

      Times (as of 2023-11-14T22:13:20.000Z)
        iat       2023-11-14T22:12:20.000Z  1 minute ago
        exp       2023-11-14T22:23:20.000Z  in 10 minutes
        lifetime  11 minutes
        status    valid, expires in 10 minutes (times only: the signature is not checked)

      Key
        kid       k\\u202e1\\u0007
        alg       HS256\\u001b[2J

      Findings (info and above; \`jwt-inspect audit\` lists all)
        HIGH     Injection-shaped kid [kid-injection]
                 header.kid: k\\u202e1\\u0007 (control character)
        MEDIUM   alg missing, not a string or unknown [alg-unknown]
                 header.alg: HS256\\u001b[2J (not in the JWS algorithm registry)
        MEDIUM   No audience, or a wildcard [no-audience]
                 payload.aud (missing)
        LOW      No issuer, or a plain-http issuer [weak-issuer]
                 payload.iss (missing)
        INFO     No jti [no-jti]
                 payload.jti
      "
    `);
  });

  it('colours headings, values and verdicts when colour is on', async () => {
    expect(visible(decodeText(build(SESSION), await loadTheme(1), DECODE))).toMatchInlineSnapshot(`
      "␛[1m␛[31mUNVERIFIED␛[39m␛[22m: decoded only, the signature was NOT checked. Anyone can make a token that decodes like this; use \`jwt-inspect verify\` with a key.
      ␛[2mToken: JWS, 230 bytes, from the argument (a bare token)␛[22m

      ␛[1m␛[4mHeader␛[24m␛[22m
      ␛[2m{␛[22m
        ␛[34m"alg"␛[39m␛[2m:␛[22m ␛[32m"HS256"␛[39m␛[2m,␛[22m
        ␛[34m"typ"␛[39m␛[2m:␛[22m ␛[32m"JWT"␛[39m␛[2m,␛[22m
        ␛[34m"kid"␛[39m␛[2m:␛[22m ␛[32m"k1"␛[39m
      ␛[2m}␛[22m

      ␛[1m␛[4mPayload␛[24m␛[22m
      ␛[2m{␛[22m
        ␛[34m"sub"␛[39m␛[2m:␛[22m ␛[32m"user-42"␛[39m␛[2m,␛[22m
        ␛[34m"email"␛[39m␛[2m:␛[22m ␛[32m"jane@example.com"␛[39m␛[2m,␛[22m  ␛[36m◀ low: email address (email-address)␛[39m
        ␛[34m"password"␛[39m␛[2m:␛[22m ␛[32m"hunter22"␛[39m␛[2m,␛[22m  ␛[1m␛[37m␛[41m◀ critical: credential in the token (sensitive-credential)␛[49m␛[39m␛[22m
        ␛[34m"iat"␛[39m␛[2m:␛[22m ␛[33m1699999940␛[39m␛[2m,␛[22m
        ␛[34m"exp"␛[39m␛[2m:␛[22m ␛[33m1700000600␛[39m
      ␛[2m}␛[22m

      ␛[1m␛[4mSignature␛[24m␛[22m
        HS256, 32 bytes, ␛[1m␛[31mnot verified␛[39m␛[22m

      ␛[1m␛[4mTimes␛[24m␛[22m␛[2m (as of 2023-11-14T22:13:20.000Z)␛[22m
        iat       2023-11-14T22:12:20.000Z  ␛[2m1 minute ago␛[22m
        exp       2023-11-14T22:23:20.000Z  ␛[2min 10 minutes␛[22m
        lifetime  11 minutes
        status    ␛[1m␛[32mvalid␛[39m␛[22m, expires in 10 minutes␛[2m (times only: the signature is not checked)␛[22m

      ␛[1m␛[4mKey␛[24m␛[22m
        kid       k1
        alg       HS256

      ␛[1m␛[4mFindings␛[24m␛[22m␛[2m (medium and above; \`jwt-inspect audit\` lists all)␛[22m
        ␛[1m␛[37m␛[41mCRITICAL␛[49m␛[39m␛[22m Credential in the token ␛[2m[sensitive-credential]␛[22m
                 payload.password: h******2 (8 chars)␛[2m (credential-named claim; confidence low)␛[22m
        ␛[33mMEDIUM  ␛[39m No audience, or a wildcard ␛[2m[no-audience]␛[22m
                 payload.aud␛[2m (missing)␛[22m
      "
    `);
  });
});
