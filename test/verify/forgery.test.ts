import { createHash, createPrivateKey, createPublicKey, sign as signBytes } from 'node:crypto';
import { CompactEncrypt, CompactSign, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { hmacToken, jws } from '../helpers/tokens.js';
import { FIXTURES, fixtureToken, keyPath, keyText } from './helpers/fixtures.js';

/**
 * Tokens that must never verify: each case here printed VALID (exit 0)
 * before verify learnt to refuse it (docs/verify.md "What VALID means").
 */

const NOW = FIXTURES.now;
const CLAIMS = { iss: 'https://issuer.example', sub: 'user-42', iat: NOW - 60, exp: NOW + 3600 };
const trusted = createPrivateKey(keyText('rsa.key.pem'));
const untrusted = createPrivateKey(keyText('rsa-enc.key.pem'));
const TRUSTED_PUB = keyPath('rsa.pub.pem');

async function run(argv: string[], files: Record<string, string> = {}) {
  const io = fakeIo({ files, env: { WEAK: 'secret', STRONG: FIXTURES.secret } });
  const code = await main(['verify', '--now', String(NOW), ...argv], io);
  const out = io.out();
  return { code, out, err: io.err(), doc: argv.includes('--json') && out !== '' ? JSON.parse(out) : null };
}

const sign = (header: Record<string, unknown>, payload: string | Uint8Array, key: Parameters<CompactSign['sign']>[0] = trusted) =>
  new CompactSign(typeof payload === 'string' ? new TextEncoder().encode(payload) : payload).setProtectedHeader({ alg: 'RS256', ...header } as never).sign(key);

const claims = (extra: Record<string, unknown> = {}) => JSON.stringify({ ...CLAIMS, ...extra });
const messages = (doc: { verification: { errors: Array<{ message: string }> } }) => doc.verification.errors.map((e) => e.message);

describe('a nested JWT (cty: JWT) is verified layer by layer (RFC 7519 §7.2 step 8)', () => {
  const unsecured = jws({ alg: 'none' }, claims({ sub: 'admin' }), '');

  it('refuses an inner alg none token inside a trusted outer signature', async () => {
    const token = await sign({ cty: 'JWT' }, unsecured);
    const { code, doc } = await run(['--json', '--key', TRUSTED_PUB, token]);
    expect(code).toBe(1);
    expect(doc.verification.valid).toBe(false);
    expect(messages(doc)).toEqual([expect.stringMatching(/^inner token: alg "none"/)]);
    expect(doc.signature.verified).toBe(true);
    expect(doc.inner.signature.verified).toBe(false);
  });

  it('refuses an inner token signed by a key nobody trusts, whatever the case of cty', async () => {
    for (const cty of ['JWT', 'jwt', 'application/jwt']) {
      const inner = await sign({}, claims({ sub: 'admin' }), untrusted);
      const { code, doc, out } = await run(['--json', '--key', TRUSTED_PUB, await sign({ cty }, inner)]);
      expect(code, cty).toBe(1);
      expect(doc.verification.errors[0]).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', message: expect.stringMatching(/^inner token: /) });
      expect(out).not.toContain('"valid": true');
    }
  });

  it('says VALID when both layers verify, and checks the inner claims', async () => {
    const inner = await sign({}, claims({ aud: 'api://orders' }));
    const token = await sign({ cty: 'JWT' }, inner);
    const good = await run(['--json', '--key', TRUSTED_PUB, '--aud', 'api://orders', token]);
    expect(good.code).toBe(0);
    expect(good.doc.inner.signature.verified).toBe(true);
    const wrongAudience = await run(['--json', '--key', TRUSTED_PUB, '--aud', 'api://other', token]);
    expect(wrongAudience.doc.verification.errors.map((e: { claim: string }) => e.claim)).toEqual(['aud']);
  });

  it('refuses a cty JWT whose payload is no token, and a JWT nested twice', async () => {
    const notToken = await run(['--json', '--key', TRUSTED_PUB, await sign({ cty: 'JWT' }, claims())]);
    expect(notToken.code).toBe(1);
    expect(messages(notToken.doc)).toEqual([expect.stringContaining('"cty": "JWT" says the payload is a nested JWT, but it is not a compact JWT')]);

    const twice = await sign({ cty: 'JWT' }, await sign({ cty: 'JWT' }, await sign({}, claims())));
    const deep = await run(['--json', '--key', TRUSTED_PUB, twice]);
    expect(deep.code).toBe(1);
    expect(messages(deep.doc)).toContainEqual(expect.stringContaining('more than one level deep'));
  });

  it('text: INVALID above the inner alg-none finding, never VALID', async () => {
    const { out } = await run(['--key', TRUSTED_PUB, await sign({ cty: 'JWT' }, unsecured)]);
    expect(out).toMatch(/^INVALID: do not trust this token\. 1 check failed:\n {2}✗ signature {3}inner token: alg "none"/);
  });
});

describe('an unencoded payload (RFC 7797 b64: false) is never a JWT', () => {
  it.each([
    ['with crit', { b64: false, crit: ['b64'] }],
    ['without crit', { b64: false }],
  ])('refuses b64: false %s', async (_what, header) => {
    // The signed bytes are the base64url text itself, which decoders then read as claims.
    const payload = Buffer.from(claims({ sub: 'admin' })).toString('base64url');
    const signingInput = `${Buffer.from(JSON.stringify({ alg: 'RS256', ...header })).toString('base64url')}.${payload}`;
    const signature = signBytes('sha256', Buffer.from(signingInput), trusted);
    const token = `${signingInput}.${signature.toString('base64url')}`;
    const { code, doc } = await run(['--json', '--key', TRUSTED_PUB, token]);
    expect(code).toBe(1);
    expect(doc.verification.errors[0]).toMatchObject({ code: 'ERR_JWT_INVALID', message: expect.stringContaining('RFC 7797') });
  });
});

/** The PKCS #1 v1.5 encoded message of RFC 8017 §9.2 for SHA-256: what a signature raised to e = 1 must equal. */
function emsaPkcs1Sha256(message: string, bytes: number): Buffer {
  const prefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  const t = Buffer.concat([prefix, createHash('sha256').update(message).digest()]);
  return Buffer.concat([Buffer.from([0x00, 0x01]), Buffer.alloc(bytes - t.length - 3, 0xff), Buffer.from([0x00]), t]);
}

describe('RSA keys that make forgery trivial are refused', () => {
  const modulus = (createPublicKey(keyText('rsa.pub.pem')).export({ format: 'jwk' }) as JWK).n!;

  it('refuses a key with public exponent 1, under which anyone can make a signature', async () => {
    const header = Buffer.from('{"alg":"RS256"}').toString('base64url');
    const input = `${header}.${Buffer.from(claims({ sub: 'admin' })).toString('base64url')}`;
    const forged = `${input}.${emsaPkcs1Sha256(input, 256).toString('base64url')}`;
    const key = JSON.stringify({ kty: 'RSA', n: modulus, e: 'AQ' });
    const { code, doc } = await run(['--json', '--key', 'e1.jwk.json', forged], { 'e1.jwk.json': key });
    expect(code).toBe(1);
    expect(doc.verification.valid).toBe(false);
    expect(messages(doc)[0]).toContain('the key is refused');
  });

  it('refuses a key with an even public exponent', async () => {
    const key = JSON.stringify({ kty: 'RSA', n: modulus, e: Buffer.from([0x01, 0x00, 0x00]).toString('base64url') });
    const { code, doc, err } = await run(['--json', '--key', 'even.jwk.json', fixtureToken('RS256')], { 'even.jwk.json': key });
    expect(code).toBe(1);
    expect(messages(doc)).toEqual([expect.stringMatching(/^the key is refused: its public exponent 65536 is even/)]);
    expect(err).toContain('this key verifies nothing: its public exponent 65536 is even');
  });
});

describe('a key set that does not name one key is refused, not tried key by key', () => {
  const jwk = (key: ReturnType<typeof createPrivateKey>, kid: unknown) => ({ ...(createPublicKey(key).export({ format: 'jwk' }) as JWK), kid, alg: 'RS256' });

  it('says INVALID when two keys share the token kid', async () => {
    const jwks = JSON.stringify({ keys: [jwk(untrusted, 'k1'), jwk(trusted, 'k1')] });
    const { code, doc } = await run(['--json', '--jwks', 'set.json', await sign({ kid: 'k1' }, claims())], { 'set.json': jwks });
    expect(code).toBe(1);
    expect(doc.verification.errors[0]).toMatchObject({
      code: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
      message: expect.stringMatching(/^ambiguous: 2 keys in set\.json have kid "k1"/),
    });
  });

  it('treats one key listed twice as one key', async () => {
    const jwks = JSON.stringify({ keys: [jwk(trusted, 'k1'), jwk(trusted, 'k1')] });
    expect((await run(['--jwks', 'set.json', await sign({ kid: 'k1' }, claims())], { 'set.json': jwks })).code).toBe(0);
  });

  it.each([[7], [['k1']], [null], [{ id: 'k1' }]])('says INVALID for a kid that is not a string: %j', async (kid) => {
    const jwks = JSON.stringify({ keys: [jwk(untrusted, 'k0'), jwk(trusted, 'k1')] });
    const { code, doc } = await run(['--json', '--jwks', 'set.json', await sign({ kid }, claims())], { 'set.json': jwks });
    expect(code).toBe(1);
    expect(messages(doc)).toEqual([expect.stringContaining('"kid" must be a string')]);
  });

  it('warns when a JWKS mixes secrets with public keys', async () => {
    const jwks = JSON.stringify({ keys: [jwk(trusted, 'k1'), { kty: 'oct', kid: 'hmac', k: Buffer.from(FIXTURES.secret).toString('base64url') }] });
    const { code, doc, out } = await run(['--json', '--jwks', 'set.json', await sign({ kid: 'k1' }, claims())], { 'set.json': jwks });
    expect(code).toBe(0);
    expect(doc.verification.warnings).toEqual([{ code: 'mixed-key-set', message: expect.stringContaining('mixes 1 shared secret (oct) with public keys') }]);
    expect(out).toContain('"warnings"');
    const text = await run(['--jwks', 'set.json', await sign({ kid: 'k1' }, claims())], { 'set.json': jwks });
    expect(text.out).toMatch(/\n {2}! warning {5}set\.json mixes 1 shared secret/);
  });
});

describe("a JWE decryption key's own alg, use and key_ops are enforced (RFC 7517 §4)", () => {
  const secret = Buffer.alloc(16, 7);
  const jwe = (alg: string) => new CompactEncrypt(new TextEncoder().encode(claims())).setProtectedHeader({ alg, enc: 'A128GCM' }).encrypt(secret);
  const keyFile = (extra: Record<string, unknown>) => ({ 'k.json': JSON.stringify({ kty: 'oct', k: secret.toString('base64url'), ...extra }) });

  it.each([
    ['A128KW', { alg: 'A128GCMKW' }, 'the key is for A128GCMKW only'],
    ['A128GCMKW', { alg: 'A128KW' }, 'the key is for A128KW only'],
    ['A128KW', { use: 'sig' }, 'the key is for "sig"'],
    ['A128KW', { key_ops: ['sign', 'verify'] }, 'include none of decrypt, unwrapKey'],
  ])('a %s token with a key marked %j is not decrypted', async (alg, extra, why) => {
    const { code, doc } = await run(['--json', '--decrypt-key', 'k.json', await jwe(alg)], keyFile(extra));
    expect(code).toBe(1);
    expect(doc.verification.errors[0]).toMatchObject({ code: 'ERR_JWE_DECRYPTION_FAILED', message: expect.stringContaining(why) });
  });

  it('decrypts with a key whose metadata allows it', async () => {
    const { code } = await run(['--json', '--decrypt-key', 'k.json', await jwe('A128KW')], keyFile({ alg: 'A128KW', use: 'enc', key_ops: ['unwrapKey'] }));
    expect(code).toBe(0);
  });
});

describe('several tokens in one input are an input error, not a verdict on the first', () => {
  const forged = fixtureToken('RS256-tampered');
  const valid = fixtureToken('RS256');

  it('exits 3 and lists them', async () => {
    const { code, out, err } = await run(['--key', TRUSTED_PUB, `${valid} ${forged}`]);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toMatch(
      /the input holds 2 tokens \(1: raw eyJ.{13}…, 2: raw eyJ.{13}…\); a verdict is about one token: choose it with --pick <name or number>/,
    );
  });

  it('takes one by position with --pick, and says in JSON how many there were', async () => {
    const second = await run(['--json', '--key', TRUSTED_PUB, '--pick', '2', `${valid} ${forged}`]);
    expect(second.code).toBe(1);
    expect(second.doc.token.source).toEqual({ from: 'argument', as: 'raw', name: null, count: 2 });
    expect((await run(['--key', TRUSTED_PUB, '--pick', '1', `${valid} ${forged}`])).code).toBe(0);
  });
});

describe('claims that are not what RFC 7519 says they must be fail verification', () => {
  it.each([
    ['exp 1e400 (Infinity: never expires)', '"exp":1e400', 'exp', 'finite'],
    ['iat 1e400', '"iat":1e400', 'iat', 'finite'],
    ['nbf -1e400', '"nbf":-1e400', 'nbf', 'finite'],
    ['iat in the future', `"iat":${NOW + 3600}`, 'iat', 'it should be in the past'],
    ['iss a number', '"iss":5', 'iss', 'must be a string'],
    ['sub an object', '"sub":{"id":1}', 'sub', 'must be a string'],
    ['aud a number', '"aud":5', 'aud', 'must be a string or an array of strings'],
  ])('%s', async (_what, member, claim, why) => {
    const base = JSON.stringify({ exp: NOW + 3600 }).slice(1, -1);
    const payload = `{${member.startsWith('"exp"') ? member : `${base},${member}`}}`;
    const { code, doc } = await run(['--json', '--key', TRUSTED_PUB, await sign({}, payload)]);
    expect(code).toBe(1);
    expect(doc.verification.errors).toEqual([expect.objectContaining({ claim, message: expect.stringContaining(why) })]);
  });

  it('allows an iat within the leeway', async () => {
    expect((await run(['--key', TRUSTED_PUB, '--leeway', '2m', await sign({}, claims({ iat: NOW + 60 }))])).code).toBe(0);
  });
});

describe('an HMAC key shorter than its hash (RFC 7518 §3.2)', () => {
  const hs256 = (secret: string) => hmacToken(claims(), secret, 'HS256', '{"alg":"HS256"}');

  it('verifies, but the verdict says what the key is worth', async () => {
    const token = hs256('secret');
    const json = await run(['--json', '--secret-env', 'WEAK', token]);
    expect(json.code).toBe(0);
    expect(json.doc.verification.warnings).toEqual([
      { code: 'weak-key', message: 'the key is only 6 bytes, where HS256 needs at least 32 (RFC 7518 §3.2): anyone can brute-force it offline from one token' },
    ]);
    const text = await run(['--secret-env', 'WEAK', token]);
    expect(text.out).toMatch(
      /^VALID, but the key is only 6 bytes, where HS256 needs at least 32 \(RFC 7518 §3\.2\): anyone can brute-force it offline from one token\. Otherwise the signature \(HS256\) checks out/,
    );
  });

  it('fails with --fail-on-weak-key, and says why on stderr with -q', async () => {
    const token = hs256('secret');
    expect((await run(['--fail-on-weak-key', '--secret-env', 'WEAK', token])).code).toBe(1);
    const quiet = await run(['-q', '--fail-on-weak-key', '--secret-env', 'WEAK', token]);
    expect(quiet).toMatchObject({ code: 1, out: '' });
    expect(quiet.err).toContain('WEAK KEY: the key is only 6 bytes');
  });

  it('has no warning for a key as long as the hash', async () => {
    const { code, doc } = await run(['--json', '--fail-on-weak-key', '--secret-env', 'STRONG', hs256(FIXTURES.secret)]);
    expect(code).toBe(0);
    expect(doc.verification.warnings).toEqual([]);
  });
});

describe('five parts without "enc" are a bad token, not a usage error', () => {
  it('exits 3', async () => {
    const header = Buffer.from('{"alg":"RS256"}').toString('base64url');
    const { code, err } = await run(['--key', TRUSTED_PUB, `${header}.a.b.c.d`]);
    expect(code).toBe(3);
    expect(err).toContain('no "enc"');
  });
});

describe('scan --key refuses the same tokens verify refuses', () => {
  it('a forged inner token, b64: false and a non-string kid are not valid', async () => {
    const unencoded = `${Buffer.from('{"alg":"RS256","b64":false,"crit":["b64"]}').toString('base64url')}.${Buffer.from(claims()).toString('base64url')}`;
    const tokens = [
      await sign({}, claims()),
      await sign({ cty: 'JWT' }, await sign({}, claims({ sub: 'admin' }), untrusted)),
      `${unencoded}.${signBytes('sha256', Buffer.from(unencoded), trusted).toString('base64url')}`,
      await sign({ kid: 7 }, claims()),
    ];
    const io = fakeIo({ files: { 'app.log': tokens.map((t) => `token=${t}\n`).join('') } });
    await main(['scan', '--json', '--now', String(NOW), '--key', TRUSTED_PUB, 'app.log'], io);
    const doc = JSON.parse(io.out());
    const byLine = (line: number) => doc.tokens.find((t: { locations: Array<{ line: number }> }) => t.locations[0]!.line === line).verification;
    expect(byLine(1).valid).toBe(true);
    expect([2, 3, 4].map((line) => byLine(line).valid)).toEqual([false, false, false]);
    expect(byLine(2).errors[0].message).toMatch(/^inner token: /);
  });
});
