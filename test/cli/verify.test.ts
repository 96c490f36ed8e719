import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { AT_FIXTURE_TIME, FIXTURES, fixtureToken, keyPath, keyText } from '../verify/helpers/fixtures.js';

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err(), clipboard: io.clipboardText() };
}

/** verify at the fixture time, with the text report unless --json is added. */
const verify = (token: string, ...args: string[]) => run(['verify', ...AT_FIXTURE_TIME, ...args, token]);
const verifyJson = async (token: string, ...args: string[]) => {
  const r = await run(['verify', '--json', ...AT_FIXTURE_TIME, ...args, token], { env: { JWT_SECRET: FIXTURES.secret } });
  return { ...r, doc: JSON.parse(r.out) };
};
const codes = (doc: { verification: { errors: Array<{ code: string; claim: string | null }> } }) => doc.verification.errors.map((e) => [e.code, e.claim]);

describe('verify: every algorithm with every key format', () => {
  it.each([
    ['HS256', ['--secret-file', keyPath('secret.txt')]],
    ['HS384', ['--secret-env', 'JWT_SECRET']],
    ['HS512', ['--key', keyPath('oct.jwk.json')]],
    ['RS256', ['--key', keyPath('rsa.private.jwk.json')]],
    ['RS384', ['--key', keyPath('rsa.pub.pem')]],
    ['RS512', ['--key', keyPath('rsa.pkcs1.pub.pem')]],
    ['PS256', ['--key', keyPath('rsa.cert.pem')]],
    ['PS384', ['--key', keyPath('rsa.key.pem')]],
    ['PS512', ['--key', keyPath('rsa.pkcs1.key.pem'), '--alg', 'PS512']],
    ['ES256', ['--key', keyPath('ec256.jwk.json')]],
    ['ES384', ['--key', keyPath('ec384.pub.pem')]],
    ['ES512', ['--jwks', keyPath('jwks.json')]],
    ['EdDSA', ['--key', keyPath('ed25519.pub.pem')]],
    ['Ed25519', ['--jwks', keyPath('jwks.json')]],
  ])('%s verifies with %j', async (alg, args) => {
    const { code, doc } = await verifyJson(fixtureToken(alg), ...args);
    expect(doc.verification.errors).toEqual([]);
    expect(code).toBe(0);
    expect(doc.verification).toMatchObject({ valid: true, alg, error: null });
    expect(doc.signature.verified).toBe(true);
  });
});

describe('verify: the report', () => {
  it('says VALID and where the key came from, and fills the contract JSON', async () => {
    const text = await verify(fixtureToken('RS256'), '--jwks', keyPath('jwks.json'));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^VALID: the signature \(RS256\) checks out and every claim check passed\.\n {2}key {9}RSA 2048-bit, kid "rsa-1", SHA-256 thumbprint [\w-]{43}, from JWKS .*jwks\.json\n/,
    );
    expect(text.out).toContain('RS256, 256 bytes, verified');
    expect(text.out).not.toContain('UNVERIFIED');
    const { doc } = await verifyJson(fixtureToken('RS256'), '--jwks', keyPath('jwks.json'));
    expect(Object.keys(doc)).toEqual(['token', 'header', 'payload', 'signature', 'time', 'findings', 'expectations', 'verification', 'inner']);
    expect(doc.verification).toEqual({
      valid: true,
      alg: 'RS256',
      key: { source: 'jwks', kid: 'rsa-1', thumbprint: expect.stringMatching(/^[\w-]{43}$/) },
      error: null,
      errors: [],
      warnings: [],
    });
  });

  it('lists every failure at once: signature, audience and expiry', async () => {
    const { code, doc } = await verifyJson(
      fixtureToken('RS256-tampered'),
      '--key',
      keyPath('rsa.pub.pem'),
      '--aud',
      'api://other',
      '--now',
      String(FIXTURES.now + 7200),
    );
    expect(code).toBe(1);
    expect(codes(doc)).toEqual([
      ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', null],
      ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud'],
      ['ERR_JWT_EXPIRED', 'exp'],
    ]);
    expect(doc.verification.error).toEqual(doc.verification.errors[0]);
    expect(doc.verification.key).toEqual({ source: 'key', kid: null, thumbprint: expect.any(String) });
    expect(doc.signature.verified).toBe(false);

    const text = await verify(fixtureToken('RS256-expired-wrong-audience'), '--key', keyPath('rsa.pub.pem'), '--aud', 'api://jwt-inspect-tests');
    expect(text.out).toMatch(
      /^INVALID: do not trust this token\. 2 checks failed:\n {2}✗ aud {9}unexpected "aud" claim value: expected "api:\/\/jwt-inspect-tests", got "api:\/\/someone-else" \[ERR_JWT_CLAIM_VALIDATION_FAILED\]\n {2}✗ exp {9}"exp" claim timestamp check failed: expired .*, 1 hour ago \[ERR_JWT_EXPIRED\]/,
    );
  });

  it('prints only failures, on stderr, with -q', async () => {
    const valid = await verify(fixtureToken('ES256'), '-q', '--key', keyPath('ec256.pub.pem'));
    expect(valid).toMatchObject({ code: 0, out: '', err: '' });
    const invalid = await verify(fixtureToken('ES256'), '-q', '--key', keyPath('ec256.pub.pem'), '--sub', 'someone');
    expect(invalid.code).toBe(1);
    expect(invalid.out).toBe('');
    expect(invalid.err).toBe('jwt-inspect: INVALID: unexpected "sub" claim value: expected "someone", got "user-42" [ERR_JWT_CLAIM_VALIDATION_FAILED]\n');
  });

  it('shows the validity dates of a certificate key', async () => {
    const { out } = await verify(fixtureToken('RS256'), '--key', keyPath('rsa.cert.pem'));
    expect(out).toMatch(/ {2}certificate CN=jwt-inspect test signer, valid \d{4}-\d\d-\d\dT[\d:.]+Z to \d{4}-/);
  });

  it('notes on stderr that only the public half of a private key is used', async () => {
    const { code, err } = await verify(fixtureToken('ES256'), '--key', keyPath('ec256.sec1.key.pem'));
    expect(code).toBe(0);
    expect(err).toContain('holds a private key; only its public half is used');
  });
});

describe('verify: keys that must not verify', () => {
  it('refuses an HMAC token checked with a public key, explaining key confusion', async () => {
    for (const extra of [[], ['--alg', 'HS256']]) {
      const { code, doc } = await verifyJson(fixtureToken('HS256-keyed-with-rsa-public-pem'), '--key', keyPath('rsa.pub.pem'), ...extra);
      expect(code).toBe(1);
      expect(doc.verification.error).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED', message: expect.stringContaining('key confusion refused') });
    }
  });

  it.each([
    ['ES256', 'rsa.pub.pem', /ES256 \(ECDSA\) needs an EC key/],
    ['ES256', 'ec384.pub.pem', /ES256 needs a P-256 key/],
    ['RS256', 'ec256.pub.pem', /RS256 \(RSASSA-PKCS1-v1_5\) needs an RSA key/],
    ['RS256', 'secret.txt', /needs an RSA key, but the key is a 256-bit secret/],
    ['RS256', 'rsa1024.pub.pem', /at least 2048 bits/],
  ])('refuses a %s token with %s', async (alg, key, message) => {
    const args = key === 'secret.txt' ? ['--secret-file', keyPath(key)] : ['--key', keyPath(key)];
    const { code, doc } = await verifyJson(fixtureToken(alg), ...args);
    expect(code).toBe(1);
    expect(doc.verification.error).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED', message: expect.stringMatching(message) });
  });

  it('never verifies alg none', async () => {
    const { code, doc } = await verifyJson(fixtureToken('alg-none'), '--secret-env', 'JWT_SECRET');
    expect(code).toBe(1);
    expect(doc.token.kind).toBe('unsecured');
    expect(doc.verification.error).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED', message: expect.stringContaining('never verifies') });
    expect((await run(['verify', '--alg', 'none', '--secret', 'x', fixtureToken('alg-none')])).code).toBe(2);
  });

  it('never uses a key the token carries in its own header', async () => {
    const { code, doc } = await verifyJson(fixtureToken('RS256-embedded-attacker-jwk'), '--jwks', keyPath('jwks.json'));
    expect(code).toBe(1);
    expect(doc.verification.error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(doc.verification.key.kid).toBe('rsa-1');
  });

  it('refuses an alg outside --alg, and a critical extension it does not know', async () => {
    const outside = await verifyJson(fixtureToken('PS256'), '--key', keyPath('rsa.pub.pem'), '--alg', 'RS256,RS512');
    expect(outside.doc.verification.error).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED', message: expect.stringContaining('not among --alg RS256,RS512') });
    const crit = await verifyJson(fixtureToken('RS256-unknown-crit'), '--key', keyPath('rsa.pub.pem'));
    expect(crit.code).toBe(1);
    expect(crit.doc.verification.error).toMatchObject({ code: 'ERR_JOSE_NOT_SUPPORTED', message: expect.stringContaining('urn:example:unknown') });
  });
});

describe('verify: a JWKS', () => {
  it('names the kids and algs on offer when no key has the kid', async () => {
    const { code, doc } = await verifyJson(fixtureToken('RS256-rotated'), '--jwks', keyPath('jwks.json'));
    expect(code).toBe(1);
    expect(doc.verification.error.code).toBe('ERR_JWKS_NO_MATCHING_KEY');
    expect(doc.verification.error.message).toContain('no key with kid "rsa-2"');
    expect(doc.verification.error.message).toContain('on offer: "rsa-1" (RS256, RSA 2048-bit), "ec-256" (any alg, EC P-256)');
    expect(doc.verification.key).toBeNull();
  });

  it('without a kid, tries every key that fits the alg', async () => {
    const { code, doc } = await verifyJson(fixtureToken('ES256-no-kid'), '--jwks', keyPath('jwks.json'));
    expect(code).toBe(0);
    expect(doc.verification.key.kid).toBe('ec-256');
    const none = await verifyJson(fixtureToken('ES256-no-kid'), '--jwks', keyPath('jwks-rotated.json'));
    expect(none.doc.verification.error).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY', message: expect.stringContaining('no key in') });
    expect(none.doc.verification.error.message).toContain('can verify ES256: ES256 (ECDSA) needs an EC key');
  });
});

describe('verify: claim options', () => {
  const token = fixtureToken('ES256');
  const key = ['--key', keyPath('ec256.pub.pem')];
  it.each([
    [['--iss', 'https://issuer.example', '--sub', 'user-42', '--aud', 'x', '--aud', 'api://jwt-inspect-tests', '--typ', 'jwt'], []],
    [['--iss', 'https://evil.example'], [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss']]],
    [
      ['--require', 'jti,azp', '--require', 'sub'],
      [
        ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'jti'],
        ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'azp'],
      ],
    ],
    [['--max-age', '30s'], [['ERR_JWT_EXPIRED', 'iat']]],
    [['--max-age', '2m'], []],
    [['--typ', 'at+jwt'], [['ERR_JWT_CLAIM_VALIDATION_FAILED', 'typ']]],
    [['--now', String(FIXTURES.now + 3600)], [['ERR_JWT_EXPIRED', 'exp']]],
    [['--now', String(FIXTURES.now + 3600), '--leeway', '1s'], []],
    [
      ['--now', String(FIXTURES.now - 120)],
      [
        ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'iat'],
        ['ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf'],
      ],
    ],
  ])('%j', async (args, errors) => {
    const { code, doc } = await verifyJson(token, ...key, ...args);
    expect(codes(doc)).toEqual(errors);
    expect(code).toBe(errors.length === 0 ? 0 : 1);
  });

  it('reports --expect, --fresh and --max-ttl as expectations, exit 1 when one fails', async () => {
    const { code, doc, err } = await verifyJson(token, ...key, '--expect', 'sub=user-42', '--expect', 'scope~=admin', '--fresh', '--max-ttl', '30m');
    expect(code).toBe(1);
    expect(doc.verification.valid).toBe(true);
    expect(doc.expectations.map((e: { expr: string; pass: boolean }) => [e.expr, e.pass])).toEqual([
      ['sub=user-42', true],
      ['scope~=admin', false],
      ['--fresh', true],
      ['--max-ttl 30m', false],
    ]);
    expect(err).toContain('check failed: --max-ttl 30m');
  });

  it('pins iss to --issuer and refuses a contradicting --iss', async () => {
    const { code, err } = await run(['verify', '--issuer', 'https://a.example', '--iss', 'https://b.example', token]);
    expect(code).toBe(2);
    expect(err).toContain('contradicts --issuer');
  });
});

describe('verify: secrets', () => {
  const token = fixtureToken('HS256');
  it('reads --secret, warning that argv is visible, and never prints the secret', async () => {
    const r = await run(['verify', '--json', ...AT_FIXTURE_TIME, '--secret', FIXTURES.secret, token]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: --secret puts the secret in the argument list');
    expect(r.out + r.err).not.toContain(FIXTURES.secret);
    const wrong = await run(['verify', ...AT_FIXTURE_TIME, '--secret', 'hunter2-not-it', token]);
    expect(wrong.code).toBe(1);
    expect(wrong.out + wrong.err).not.toContain('hunter2-not-it');
  });

  it('reads a binary secret as base64 or base64url', async () => {
    const b64url = keyText('secret.b64').trim();
    const b64 = Buffer.from(b64url, 'base64url').toString('base64');
    for (const value of [b64url, b64]) {
      const r = await run(['verify', ...AT_FIXTURE_TIME, '--secret-env', 'K', '--secret-base64', fixtureToken('HS256-binary-secret')], { env: { K: value } });
      expect(r.code).toBe(0);
      expect(r.out + r.err).not.toContain(value);
    }
    expect(
      (await run(['verify', ...AT_FIXTURE_TIME, '--secret-file', keyPath('secret.b64'), '--secret-base64', fixtureToken('HS256-binary-secret')])).code,
    ).toBe(0);
  });

  it('exits 3 when the secret cannot be had, 2 when no key is given', async () => {
    const unset = await run(['verify', '--secret-env', 'NOPE', token]);
    expect(unset.code).toBe(3);
    expect(unset.err).toContain('NOPE is not set');
    expect((await run(['verify', '--secret-file', '/nonexistent/secret', token])).code).toBe(3);
    const none = await run(['verify', token]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('verify needs a key');
    expect((await run(['verify', '--secret', 'a', '--key', 'b', token])).code).toBe(2);
  });

  it('never prints private key material, whatever goes wrong', async () => {
    const pem = keyText('rsa.key.pem');
    const material = pem.split('\n').slice(1, -2).join('');
    for (const argv of [
      ['verify', '--json', ...AT_FIXTURE_TIME, '--key', keyPath('rsa.key.pem'), fixtureToken('ES256')],
      ['verify', '--debug', '--key', 'broken.pem', fixtureToken('RS256')],
    ]) {
      const r = await run(argv, { files: { 'broken.pem': pem.replace('MII', 'MII!') } });
      for (const line of material.match(/.{24}/g)!) expect(r.out + r.err).not.toContain(line);
    }
  });
});

describe('verify: input', () => {
  it('reads the key from stdin with --key - when the token is an argument', async () => {
    const r = await run(['verify', ...AT_FIXTURE_TIME, '--key', '-', fixtureToken('EdDSA')], { stdin: keyText('ed25519.pub.pem'), stdinIsTTY: false });
    expect(r.code).toBe(0);
    const both = await run(['verify', '--key', '-'], { stdin: fixtureToken('EdDSA'), stdinIsTTY: false });
    expect(both.code).toBe(2);
    expect(both.err).toContain('--key - reads the key from stdin');
  });

  it('exits 3 on a key that is no key, and shows help (exit 2) with no input', async () => {
    const bad = await run(['verify', '--key', 'k.pem', fixtureToken('RS256')], { files: { 'k.pem': 'not a key' } });
    expect(bad.code).toBe(3);
    expect(bad.err).toBe('jwt-inspect: k.pem: neither PEM nor valid JSON; give a PEM key or certificate, a JWK or a JWKS\n');
    const help = await run(['verify', '--key', 'k.pem']);
    expect(help.code).toBe(2);
    expect(help.err).toContain('Usage: jwt-inspect verify');
  });

  it('exits 2 on a bad --alg and on an http JWKS URL, sending nothing', async () => {
    expect((await run(['verify', '--alg', 'HS1', '--secret', 'x', fixtureToken('HS256')])).err).toContain('--alg HS1: not a JWS algorithm');
    const http = await run(['verify', '--jwks', 'http://keys.example.com/jwks', fixtureToken('RS256')]);
    expect(http.code).toBe(2);
    expect(http.err).toContain('--allow-http');
  });
});

describe('verify and decode: JWE', () => {
  it('decrypts, then verifies the nested JWT as one report', async () => {
    const { code, doc } = await verifyJson(fixtureToken('JWE-nested-ES256'), '--decrypt-key', keyPath('rsa-enc.key.pem'), '--jwks', keyPath('jwks.json'));
    expect(code).toBe(0);
    expect(doc.token.kind).toBe('JWE');
    expect(doc.verification).toMatchObject({ valid: true, alg: 'ES256', key: { source: 'jwks', kid: 'ec-256' } });
    expect(doc.inner).toMatchObject({ header: { alg: 'ES256', kid: 'ec-256' }, payload: { sub: 'user-42' }, signature: { alg: 'ES256', verified: true } });
    expect(doc.time.status).toBe('valid');
    // The decrypted JWT is audited as a token of its own (RFC 8725 §3.3): an hour is long for an access token.
    expect(doc.findings).toContainEqual(expect.objectContaining({ id: 'lifetime-too-long', path: 'inner.payload.exp' }));
    const text = await verify(fixtureToken('JWE-nested-ES256'), '--decrypt-key', keyPath('rsa-enc.key.pem'), '--jwks', keyPath('jwks.json'));
    expect(text.out).toMatch(/^VALID: the signature \(ES256\)/);
    expect(text.out).toContain('encrypted (JWE, alg RSA-OAEP-256, enc A256GCM); decrypted below');
    expect(text.out).toContain('inner token: ES256, 64 bytes, verified');
  });

  it('accepts a claims JWE made with a shared secret, and refuses one anyone could encrypt', async () => {
    const dir = await run(['verify', '--json', ...AT_FIXTURE_TIME, '--decrypt-secret-env', 'K', '--secret-base64', fixtureToken('JWE-dir-claims')], {
      env: { K: keyText('dir-key.b64').trim() },
    });
    expect(dir.code).toBe(0);
    expect(JSON.parse(dir.out).verification).toMatchObject({ valid: true, alg: 'dir', key: { source: 'secret', thumbprint: null } });
    const pbes2 = await run(['verify', ...AT_FIXTURE_TIME, '--decrypt-secret-env', 'K', fixtureToken('JWE-PBES2-claims')], { env: { K: FIXTURES.secret } });
    expect(pbes2.code).toBe(0);
    const rsa = await verifyJson(fixtureToken('JWE-RSA-claims'), '--decrypt-key', keyPath('rsa-enc.private.jwk.json'));
    expect(rsa.code).toBe(1);
    expect(rsa.doc.verification.error).toMatchObject({ code: 'ERR_JWT_INVALID', message: expect.stringContaining('anyone who has the public key') });
    expect(rsa.doc.inner.payload.sub).toBe('user-42');
  });

  it('reports a key that does not decrypt, and asks for one when none is given', async () => {
    const wrong = await verifyJson(fixtureToken('JWE-nested-ES256'), '--decrypt-key', keyPath('rsa.key.pem'), '--jwks', keyPath('jwks.json'));
    expect(wrong.code).toBe(1);
    expect(wrong.doc.verification.error.code).toBe('ERR_JWE_DECRYPTION_FAILED');
    const missing = await run(['verify', '--jwks', keyPath('jwks.json'), fixtureToken('JWE-nested-ES256')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--decrypt-key');
    const noVerifyKey = await run(['verify', '--decrypt-key', keyPath('rsa-enc.key.pem'), fixtureToken('JWE-nested-ES256')]);
    expect(noVerifyKey.code).toBe(2);
    expect(noVerifyKey.err).toContain('the JWE holds a signed JWT; give its key');
  });

  it('asks for a missing key in the words of the options that give it', async () => {
    const keyOptions = '--secret-env, --secret-file, --secret, --key, --jwks or --issuer';
    const signature = await run(['verify', '--decrypt-key', keyPath('rsa-enc.key.pem'), fixtureToken('ES256')]);
    expect(signature).toMatchObject({ code: 2, err: `jwt-inspect: verify checks a signature; give its key with ${keyOptions}\n` });
    const nested = await run(['verify', '--decrypt-key', keyPath('rsa-enc.key.pem'), fixtureToken('JWE-nested-ES256')]);
    expect(nested).toMatchObject({ code: 2, err: `jwt-inspect: the JWE holds a signed JWT; give its key with ${keyOptions}\n` });
    const encrypted = await run(['verify', '--json', '--jwks', keyPath('jwks.json'), fixtureToken('JWE-nested-ES256')]);
    const message = 'the token is a JWE (encrypted); decrypt it with --decrypt-key <path> or --decrypt-secret-env <VAR>';
    expect(encrypted).toMatchObject({ code: 2, err: `jwt-inspect: ${message}\n` });
    expect(JSON.parse(encrypted.out)).toEqual({ error: { code: 'ERR_USAGE', message } });
  });

  it('decode --decrypt-key shows the decrypted contents, still UNVERIFIED', async () => {
    const json = JSON.parse(
      (await run(['decode', '--json', ...AT_FIXTURE_TIME, '--decrypt-key', keyPath('rsa-enc.key.pem'), fixtureToken('JWE-nested-ES256')])).out,
    );
    expect(json.inner.payload.sub).toBe('user-42');
    expect(json.inner.signature.verified).toBe(false);
    expect(json.verification).toBeNull();
    expect(json.findings).toContainEqual(expect.objectContaining({ id: 'no-jti', path: 'inner.payload.jti' }));
    const decrypting = ['decode', ...AT_FIXTURE_TIME, '--decrypt-key', keyPath('rsa-enc.key.pem')];
    const raw = await run([...decrypting, '--raw', 'payload', fixtureToken('JWE-nested-ES256')]);
    expect(JSON.parse(raw.out)).toMatchObject({ sub: 'user-42', iss: 'https://issuer.example' });
    expect((await run([...decrypting, '--claim', 'sub', fixtureToken('JWE-nested-ES256')])).out).toBe('user-42\n');
    const copied = await run([...decrypting, '--copy', '-q', fixtureToken('JWE-nested-ES256')]);
    expect(JSON.parse(copied.clipboard)).toMatchObject({ sub: 'user-42' });
    // Claims (not a JWT) are audited by the rules about claims; the JWE's header was audited already.
    const claims = JSON.parse(
      (await run(['decode', '--json', ...AT_FIXTURE_TIME, '--decrypt-key', keyPath('rsa-enc.private.jwk.json'), fixtureToken('JWE-RSA-claims')])).out,
    );
    const paths = claims.findings.map((f: { id: string; path: string }) => `${f.id} ${f.path}`);
    expect(paths).toContain('lifetime-too-long inner.payload.exp');
    expect(paths.filter((p: string) => p.includes('inner.header'))).toEqual([]);
    const encrypted = await run(['decode', '--raw', 'payload', fixtureToken('JWE-nested-ES256')]);
    expect(encrypted.code).toBe(3);
    expect(encrypted.err).toContain('decrypt it with --decrypt-key');
    const text = await run(['decode', ...AT_FIXTURE_TIME, '--decrypt-key', keyPath('rsa-enc.key.pem'), fixtureToken('JWE-nested-ES256')]);
    expect(text.out).toMatch(/^UNVERIFIED/);
    expect(text.out).toContain('Decrypted JWE: its contents');
    const wrong = await run(['decode', '--decrypt-key', keyPath('rsa.key.pem'), fixtureToken('JWE-nested-ES256')]);
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('ERR_JWE_DECRYPTION_FAILED');
  });
});
