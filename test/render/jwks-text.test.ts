import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failsAt, type FailOn } from '../../src/audit/threshold.js';
import { inspectJwks, type JwksReport } from '../../src/jwks/inspect.js';
import { jwksText } from '../../src/render/jwks-text.js';
import { loadTheme, PLAIN_THEME, type Theme } from '../../src/render/theme.js';

/** 2027-01-15: inside the validity of the fixture certificates made for 100 years, after the one made for a day. */
const NOW = 1_800_000_000;
const visible = (s: string): string => s.replaceAll('\u001b', '␛');

type Jwk = Record<string, unknown>;
const set = (name: string): Jwk[] => (JSON.parse(readFileSync(new URL(`../fixtures/toolkit/jwks/${name}`, import.meta.url), 'utf8')) as { keys: Jwk[] }).keys;
const GOOD = set('good.json');
const BAD = set('bad.json');
/** Every private member value of the bad set (RSA private parts, an oct secret): none may reach the output. */
const PRIVATE_VALUES = BAD.flatMap((jwk) => ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].map((m) => jwk[m]).filter((v): v is string => typeof v === 'string'));
const EC = GOOD[1]!;

/** jwksText as the jwks command calls it: `failed` is what --fail-on makes of the findings. */
const text = (report: JwksReport, failOn: FailOn = 'high', theme: Theme = PLAIN_THEME): string =>
  jwksText(report, theme, failOn, failsAt(report.findings, failOn));

describe('jwksText', () => {
  it('lists the keys in columns padded to the widest cell, and says when there is nothing wrong', async () => {
    expect(text(await inspectJwks(GOOD, 'https://idp.example.com/jwks', NOW))).toBe(
      [
        'JWKS https://idp.example.com/jwks: 3 keys',
        '',
        'kid    kty  alg    use  size     thumbprint (RFC 7638, SHA-256)               certificate',
        'rsa-1  RSA  RS256  sig  2048     ZJjiriEsKu36UucEQxlp_4Ac40jphyednE8-hOtmTJQ  CN=idp.example.com, O=Example, until 2126-11-02',
        'ec-1   EC   ES256  sig  P-256    R-oEn4pKHbd-a1P2tEZg3LQhivd0-c_8yZ51sG32H5Q  -',
        'ed-1   OKP  EdDSA  sig  Ed25519  qs1ZHHEGhbDjdGJScT3HLUirULIahKxTwNsIFp0QnEY  -',
        '',
        'No findings.',
        '0 critical, 0 high, 0 medium, 0 low, 0 info  PASS: nothing at high or above',
        '',
      ].join('\n'),
    );
  });

  it('lists the findings worst first, each naming the kid of its key, then the verdict; never a private value', async () => {
    const out = text(await inspectJwks(BAD, 'bad.json', NOW));
    expect(PRIVATE_VALUES.filter((v) => out.includes(v))).toEqual([]);
    expect(out).toMatchInlineSnapshot(`
      "JWKS bad.json: 9 keys

      kid       kty  alg    use  size     thumbprint (RFC 7638, SHA-256)               certificate
      weak      RSA  -      -    1024     gtBq5kRX0NVxLVc_8pNcQeWy1aIMAC3WwEVsF8YnROk  -
      leaked    RSA  RS256  sig  2048     54negjAZQF3uLt4VP_Jv2t1SR9WVU6ioZRQZz4c4L4I  -
      twin      EC   ES256  sig  P-256    R-oEn4pKHbd-a1P2tEZg3LQhivd0-c_8yZ51sG32H5Q  -
      twin      OKP  EdDSA  sig  Ed25519  qs1ZHHEGhbDjdGJScT3HLUirULIahKxTwNsIFp0QnEY  -
      -         RSA  RS256  sig  2048     54negjAZQF3uLt4VP_Jv2t1SR9WVU6ioZRQZz4c4L4I  -
      shared    oct  HS256  sig  216      NuVn_BZxE-i-HzzmUfS5RWH7AMyM-60Rj78JvH6gP9Y  -
      expired   RSA  RS256  sig  2048     54negjAZQF3uLt4VP_Jv2t1SR9WVU6ioZRQZz4c4L4I  CN=old.example.com, until 2026-11-27
      mismatch  RSA  RS256  sig  2048     54negjAZQF3uLt4VP_Jv2t1SR9WVU6ioZRQZz4c4L4I  CN=idp.example.com, until 2126-11-02
      broken    RSA  RS256  sig  -        -                                            -

      Findings
        CRITICAL Private key material in a published key set [jwks-private-key]
                 keys[1] (kid "leaked"): d, p, q, dp, dq, qi
                 → Remove the private members (d, p, q, dp, dq, qi, oth; k of an oct key) now, and replace the key: anyone who fetched the set can sign tokens.
        CRITICAL Private key material in a published key set [jwks-private-key]
                 keys[5] (kid "shared"): k (a shared HMAC secret)
                 the set also holds public keys: a verifier that picks its key by kid may be led to check an HMAC token against this secret, which anyone who reads the set knows
                 → Remove the private members (d, p, q, dp, dq, qi, oth; k of an oct key) now, and replace the key: anyone who fetched the set can sign tokens.
        HIGH     RSA key shorter than 2048 bits [jwks-weak-rsa]
                 keys[0] (kid "weak"): 1024 bits
                 → Rotate to an RSA key of 2048 bits or more (RFC 7518 §3.3), or to an EC or Ed25519 key.
        HIGH     x5c certificate outside its validity period [jwks-certificate-validity]
                 keys[6].x5c[0] (kid "expired"): expired 2026-11-27T04:09:12.000Z (1 month ago)
                 → Renew the certificate; verifiers that check x5c reject the key until then.
        HIGH     x5c certificate that does not certify this key [jwks-bad-certificate]
                 keys[7].x5c[0] (kid "mismatch"): the certificate is for another key (thumbprint ZJjiriEsKu36UucEQxlp_4Ac40jphyednE8-hOtmTJQ)
                 → Publish in x5c the certificate of this very key (RFC 7517 §4.7), or drop x5c.
        HIGH     Key that cannot be read [jwks-unusable-key]
                 keys[8] (kid "broken"): the RSA JWK is not a valid key (The "key.e" property must be of type string. Received undefined)
                 → Fix or remove the entry: verifiers skip it (RFC 7517 §5), so tokens signed with it fail.
        MEDIUM   Key without kid [jwks-missing-kid]
                 keys[4]
                 → Add a kid (the RFC 7638 thumbprint is a good one) so that verifiers can pick the key a token names.
        MEDIUM   Several keys with the same kid [jwks-duplicate-kid]
                 keys[3] (kid "twin"): kid "twin" at keys[2], keys[3]
                 → Give every key its own kid (RFC 7517 §4.5), or a verifier may try the wrong key and reject good tokens.
        LOW      Key without alg [jwks-missing-alg]
                 keys[0] (kid "weak")
                 → Add alg so that verifiers accept only the algorithm the key is for (RFC 8725 §3.1).
        LOW      Key without use or key_ops [jwks-missing-use]
                 keys[0] (kid "weak")
                 → Add "use": "sig" (or key_ops) so that a signing key is not taken for encryption (RFC 7517 §4.2).

      2 critical, 4 high, 2 medium, 2 low, 0 info  FAIL: findings at high or above
      "
    `);
  });

  it('says so for a set without keys, with no table', async () => {
    expect(text(await inspectJwks([], 'empty.json', NOW), 'critical')).toBe(
      [
        'JWKS empty.json: 0 keys',
        '',
        'Findings',
        '  HIGH     Key set without keys [jwks-empty]',
        '           "keys": []',
        '           → Publish the public keys the issuer signs with; no token can verify against an empty set.',
        '',
        '0 critical, 1 high, 0 medium, 0 low, 0 info  PASS: nothing at critical or above',
        '',
      ].join('\n'),
    );
  });

  it('counts one key in the singular', async () => {
    expect(text(await inspectJwks([GOOD[2]!], 'one.json', NOW)).split('\n')[0]).toBe('JWKS one.json: 1 key');
  });

  it('escapes control characters, ANSI escapes and bidi overrides from the set, and pads by the escaped text', async () => {
    const key = (more: Jwk): Jwk => ({ kty: 'EC', crv: 'P-256', x: EC['x'], y: EC['y'], ...more });
    const report = await inspectJwks(
      [key({ kid: 'k\u001b[2J\u202e', alg: 'ES\u009b256', use: 'sig' }), key({ kid: 'k\u001b[2J\u202e' })],
      'se\u001bt.json',
      NOW,
    );
    expect(text(report, 'medium')).toBe(
      [
        String.raw`JWKS se\u001bt.json: 2 keys`,
        '',
        'kid               kty  alg          use  size   thumbprint (RFC 7638, SHA-256)               certificate',
        String.raw`k\u001b[2J\u202e  EC   ES\u009b256  sig  P-256  R-oEn4pKHbd-a1P2tEZg3LQhivd0-c_8yZ51sG32H5Q  -`,
        String.raw`k\u001b[2J\u202e  EC   -            -    P-256  R-oEn4pKHbd-a1P2tEZg3LQhivd0-c_8yZ51sG32H5Q  -`,
        '',
        'Findings',
        '  MEDIUM   Several keys with the same kid [jwks-duplicate-kid]',
        String.raw`           keys[1] (kid "k\u001b[2J\u202e"): kid "k\u001b[2J\u202e" at keys[0], keys[1]`,
        '           → Give every key its own kid (RFC 7517 §4.5), or a verifier may try the wrong key and reject good tokens.',
        '  LOW      Key without alg [jwks-missing-alg]',
        String.raw`           keys[1] (kid "k\u001b[2J\u202e")`,
        '           → Add alg so that verifiers accept only the algorithm the key is for (RFC 8725 §3.1).',
        '  LOW      Key without use or key_ops [jwks-missing-use]',
        String.raw`           keys[1] (kid "k\u001b[2J\u202e")`,
        '           → Add "use": "sig" (or key_ops) so that a signing key is not taken for encryption (RFC 7517 §4.2).',
        '',
        '0 critical, 0 high, 1 medium, 2 low, 0 info  FAIL: findings at medium or above',
        '',
      ].join('\n'),
    );
  });

  it('colours the headings, dims the empty cells, and colours the verdict', async () => {
    const report = await inspectJwks([{ kty: 'EC', crv: 'P-256', x: EC['x'], y: EC['y'], kid: 'ec-1' }], 'set.json', NOW);
    expect(visible(text(report, 'low', await loadTheme(1)))).toBe(
      [
        '␛[1m␛[4mJWKS␛[24m␛[22m set.json: 1 key',
        '',
        '␛[1m␛[4mkid ␛[24m␛[22m  ␛[1m␛[4mkty␛[24m␛[22m  ␛[1m␛[4malg␛[24m␛[22m  ␛[1m␛[4muse␛[24m␛[22m  ␛[1m␛[4msize ␛[24m␛[22m  ␛[1m␛[4mthumbprint (RFC 7638, SHA-256)             ␛[24m␛[22m  ␛[1m␛[4mcertificate␛[24m␛[22m',
        'ec-1  EC   ␛[2m-  ␛[22m  ␛[2m-  ␛[22m  P-256  R-oEn4pKHbd-a1P2tEZg3LQhivd0-c_8yZ51sG32H5Q  ␛[2m-␛[22m',
        '',
        '␛[1m␛[4mFindings␛[24m␛[22m',
        '  ␛[36mLOW     ␛[39m Key without alg ␛[2m[jwks-missing-alg]␛[22m',
        '           keys[0] (kid "ec-1")',
        '           ␛[2m→ Add alg so that verifiers accept only the algorithm the key is for (RFC 8725 §3.1).␛[22m',
        '  ␛[36mLOW     ␛[39m Key without use or key_ops ␛[2m[jwks-missing-use]␛[22m',
        '           keys[0] (kid "ec-1")',
        '           ␛[2m→ Add "use": "sig" (or key_ops) so that a signing key is not taken for encryption (RFC 7517 §4.2).␛[22m',
        '',
        '0 critical, 0 high, 0 medium, 2 low, 0 info  ␛[1m␛[31mFAIL: findings at low or above␛[39m␛[22m',
        '',
      ].join('\n'),
    );
  });
});
