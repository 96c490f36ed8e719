import { createPublicKey } from 'node:crypto';
import { compactVerify, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { PYTHON_WITH_JWT, verifyWithPyJwt } from '../helpers/pyjwt.js';
import { readToolkitFixture, toolkitFixture } from '../helpers/toolkit-fixtures.js';

const NOW = 1_700_000_000;
const SECRET = 'a-test-secret-that-is-64-bytes-long-so-every-HS-alg-is-happy-!!';

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo({ env: { JWT_SECRET: SECRET }, ...options });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err(), io };
}

function segmentText(token: string, index: number): string {
  return Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8');
}

const ASYMMETRIC: ReadonlyArray<readonly [alg: string, key: string, publicKey: string]> = [
  ['RS256', 'rsa-pkcs8.pem', 'rsa-public.pem'],
  ['RS384', 'rsa-pkcs1.pem', 'rsa-public.pem'],
  ['RS512', 'rsa-private.jwk.json', 'rsa-public.pem'],
  ['PS256', 'rsa-pkcs8.pem', 'rsa-public.pem'],
  ['PS384', 'rsa-pkcs1.pem', 'rsa-public.pem'],
  ['PS512', 'rsa-pkcs8.pem', 'rsa-public.pem'],
  ['ES256', 'ec-p256-sec1.pem', 'ec-p256-public.pem'],
  ['ES384', 'ec-p384-sec1.pem', 'ec-p384-public.pem'],
  ['ES512', 'ec-p521-sec1.pem', 'ec-p521-public.pem'],
  ['EdDSA', 'ed25519-pkcs8.pem', 'ed25519-public.pem'],
  ['Ed25519', 'ed25519-pkcs8.pem', 'ed25519-public.pem'],
];

// CI installs python3-jwt, so there the cross-checks run, and fail without it rather than skip.
const skipPyJwt = PYTHON_WITH_JWT === null && !process.env['CI'];
const pyjwt = skipPyJwt ? it.skip : it;
if (skipPyJwt) console.warn('NOTE: python3-jwt is not installed, so the PyJWT cross-checks of sign are skipped (CI installs it)');

describe('sign round trips', () => {
  it.each(ASYMMETRIC)('%s with %s verifies with jose', async (alg, keyFile, publicFile) => {
    const { code, out, err } = await run([
      'sign',
      '--now',
      String(NOW),
      '--key',
      toolkitFixture(`keys/${keyFile}`),
      '--alg',
      alg,
      '--sub',
      'alice',
      '--exp',
      '15m',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const key = createPublicKey(readToolkitFixture(`keys/${publicFile}`));
    const token = out.trim();
    const verified = await compactVerify(token, key, { algorithms: [alg] });
    expect(verified.protectedHeader).toMatchObject({ alg, typ: 'JWT' });
    const { payload } = await jwtVerify(token, key, { algorithms: [alg], currentDate: new Date(NOW * 1000) });
    expect(payload).toEqual({ sub: 'alice', iat: NOW, exp: NOW + 900 });
  });

  it.each(['HS256', 'HS384', 'HS512'])('%s with --secret-env verifies with jose', async (alg) => {
    const { code, out } = await run(['sign', '--now', String(NOW), '--secret-env', 'JWT_SECRET', '--alg', alg, '{"sub":"bob"}']);
    expect(code).toBe(0);
    const { payload, protectedHeader } = await jwtVerify(out.trim(), Buffer.from(SECRET), { algorithms: [alg] });
    expect(protectedHeader.alg).toBe(alg);
    expect(payload).toEqual({ sub: 'bob', iat: NOW });
  });

  it.each([...ASYMMETRIC, ['HS384', null, null] as const])('%s verifies with jwt-inspect verify', async (alg, keyFile, publicFile) => {
    const keyArgs = keyFile === null ? ['--secret-env', 'JWT_SECRET'] : ['--key', toolkitFixture(`keys/${keyFile}`)];
    const signed = await run(['sign', '--now', String(NOW), ...keyArgs, '--alg', alg, '--exp', '1h']);
    const verifyArgs = publicFile === null ? ['--secret-env', 'JWT_SECRET'] : ['--key', toolkitFixture(`keys/${publicFile}`)];
    const verified = await run(['verify', '--json', '--now', String(NOW + 60), ...verifyArgs, signed.out.trim()]);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out).verification).toMatchObject({ valid: true, alg });
  });

  pyjwt.each(ASYMMETRIC)('%s with %s verifies with PyJWT', async (alg, keyFile, publicFile) => {
    const { out } = await run(['sign', '--now', String(NOW), '--key', toolkitFixture(`keys/${keyFile}`), '--alg', alg, '--sub', 'alice']);
    expect(JSON.parse(verifyWithPyJwt(out.trim(), alg, { publicKeyPem: readToolkitFixture(`keys/${publicFile}`) }))).toEqual({ sub: 'alice', iat: NOW });
  });

  pyjwt.each(['HS256', 'HS384', 'HS512'])('%s verifies with PyJWT', async (alg) => {
    const { out } = await run(['sign', '--now', String(NOW), '--secret-env', 'JWT_SECRET', '--alg', alg, '--sub', 'bob']);
    expect(JSON.parse(verifyWithPyJwt(out.trim(), alg, { secret: Buffer.from(SECRET) }))).toEqual({ sub: 'bob', iat: NOW });
  });
});

describe('sign', () => {
  it('writes the payload as given: member order, --claim order, digits of large integers', async () => {
    const { out } = await run([
      'sign',
      '--now',
      String(NOW),
      '--secret-env',
      'JWT_SECRET',
      '--iss',
      'https://idp.example.com',
      '--claim',
      'admin=true',
      '--claim',
      'n=12345678901234567891',
      '--claim',
      'name=Ada Lovelace',
      '{"z":1,"id":12345678901234567890,"10":"ten"}',
    ]);
    expect(segmentText(out.trim(), 1)).toBe(
      '{"z":1,"id":12345678901234567890,"10":"ten","admin":true,"n":12345678901234567891,"name":"Ada Lovelace","iss":"https://idp.example.com","iat":1700000000}',
    );
  });

  it('replaces a claim where it stands, and takes the payload from stdin', async () => {
    const { out } = await run(['sign', '--now', String(NOW), '--secret-env', 'JWT_SECRET', '--sub', 'new', '--claim', 'role="admin"', '--no-iat'], {
      stdin: '{"sub":"old","role":"user","iat":1}\n',
      stdinIsTTY: false,
    });
    expect(segmentText(out.trim(), 1)).toBe('{"sub":"new","role":"admin"}');
  });

  it('counts --exp and --nbf from --iat, keeps a payload iat unless told, and allows negative durations', async () => {
    const signed = async (...args: string[]) =>
      JSON.parse(segmentText((await run(['sign', '--now', String(NOW), '--secret-env', 'JWT_SECRET', ...args])).out.trim(), 1));
    expect(await signed('--iat', '2024-01-01T00:00:00Z', '--exp', '1h', '--nbf=-1m')).toEqual({ iat: 1704067200, nbf: 1704067140, exp: 1704070800 });
    expect(await signed('--exp=-5m')).toEqual({ iat: NOW, exp: NOW - 300 });
    expect(await signed('{"iat":5}')).toEqual({ iat: 5 });
    expect(await signed('{"iat":5}', '--iat')).toEqual({ iat: NOW });
    expect(await signed('--aud', 'api')).toMatchObject({ aud: 'api' });
    expect(await signed('--aud', 'api', '--aud', 'web')).toMatchObject({ aud: ['api', 'web'] });
    expect(await signed('--jti', 'abc')).toMatchObject({ jti: 'abc' });
    expect((await signed('--jti')).jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('builds the header: alg, typ, kid, then --header members', async () => {
    const header = async (...args: string[]) => segmentText((await run(['sign', '--secret-env', 'JWT_SECRET', ...args])).out.trim(), 0);
    expect(await header('--kid', 'k1', '--header', 'x5t=abc', '--header', 'ver=[1,2]', '--header', 'typ=at+jwt')).toBe(
      '{"alg":"HS256","typ":"at+jwt","kid":"k1","x5t":"abc","ver":[1,2]}',
    );
    expect(await header('--no-typ')).toBe('{"alg":"HS256"}');
    expect(await header('--typ', 'at+jwt')).toBe('{"alg":"HS256","typ":"at+jwt"}');
    const fromJwk = await run(['sign', '--key', toolkitFixture('keys/rsa-private.jwk.json')]);
    expect(segmentText(fromJwk.out.trim(), 0)).toBe('{"alg":"PS384","typ":"JWT","kid":"rsa-1"}');
    expect((await run(['sign', '--secret-env', 'JWT_SECRET', '--header', 'alg=none'])).code).toBe(2);
  });

  it('defaults the algorithm from the key', async () => {
    const alg = async (key: string) => JSON.parse(segmentText((await run(['sign', '--key', toolkitFixture(`keys/${key}`)])).out.trim(), 0)).alg;
    expect(await alg('rsa-pkcs1.pem')).toBe('RS256');
    expect(await alg('ec-p384-sec1.pem')).toBe('ES384');
    expect(await alg('ed25519-pkcs8.pem')).toBe('EdDSA');
    expect(await alg('ec-p256-private.jwk.json')).toBe('ES256');
  });

  it('takes secrets from a file, base64, the argument (with a warning) and an oct JWK', async () => {
    const fromFile = await run(['sign', '--now', String(NOW), '--secret-file', 's.txt', '{}'], { files: { 's.txt': `${SECRET}\n` } });
    await expect(jwtVerify(fromFile.out.trim(), Buffer.from(SECRET))).resolves.toBeTruthy();
    const b64 = Buffer.from(SECRET).toString('base64url');
    const fromBase64 = await run(['sign', '--secret-env', 'B64', '--secret-base64'], { env: { B64: b64 } });
    await expect(jwtVerify(fromBase64.out.trim(), Buffer.from(SECRET))).resolves.toBeTruthy();
    const fromJwk = await run(['sign', '--key', 'k.json'], { files: { 'k.json': JSON.stringify({ kty: 'oct', k: b64, kid: 'hmac-1', alg: 'HS512' }) } });
    expect(segmentText(fromJwk.out.trim(), 0)).toBe('{"alg":"HS512","typ":"JWT","kid":"hmac-1"}');
    await expect(jwtVerify(fromJwk.out.trim(), Buffer.from(SECRET))).resolves.toBeTruthy();

    const inArgv = await run(['sign', '--json', '--secret', 'short']);
    expect(inArgv.code).toBe(0);
    expect(inArgv.out).not.toContain('short');
    expect(inArgv.err).toContain('--secret puts the secret in the process list');
    expect(inArgv.err).toContain('the secret is 5 bytes; HS256 wants at least 32');
    expect(inArgv.err).not.toContain("'short'");
    expect((await run(['sign', '-q', '--secret', 'short'])).err).toBe('');
  });

  it('picks a key of a JWKS by --kid', async () => {
    const jwks = JSON.stringify({
      keys: [JSON.parse(readToolkitFixture('keys/rsa-private.jwk.json')), JSON.parse(readToolkitFixture('keys/ec-p256-private.jwk.json'))],
    });
    const { out } = await run(['sign', '--key', 'set.json', '--kid', 'ec-1'], { files: { 'set.json': jwks } });
    expect(segmentText(out.trim(), 0)).toBe('{"alg":"ES256","typ":"JWT","kid":"ec-1"}');
    const unchosen = await run(['sign', '--key', 'set.json'], { files: { 'set.json': jwks } });
    expect(unchosen.code).toBe(3);
    expect(unchosen.err).toContain('holds 2 keys; choose one with --kid (kids: rsa-1, ec-1)');
  });

  it('makes an unsecured token only with --unsafe-none', async () => {
    const refused = await run(['sign', '--alg', 'none', '--sub', 'x']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--unsafe-none');
    const { code, out } = await run(['sign', '--now', String(NOW), '--alg', 'none', '--unsafe-none', '--sub', 'x']);
    expect(code).toBe(0);
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.\n$/);
    expect(segmentText(out, 0)).toBe('{"alg":"none","typ":"JWT"}');
    expect((await run(['sign', '--alg', 'none', '--unsafe-none', '--secret-env', 'JWT_SECRET'])).code).toBe(2);
  });

  it.each([
    [['sign', '--sub', 'x'], 2, 'sign needs a key'],
    [['sign', '--secret-env', 'JWT_SECRET', '--key', 'k.pem'], 2, 'give one key source'],
    [['sign', '--secret-env', 'JWT_SECRET', '--alg', 'RS256'], 2, '--alg RS256 signs with an RSA key, but the key given is a secret'],
    [['sign', '--key', toolkitFixture('keys/rsa-pkcs8.pem'), '--alg', 'ES256'], 2, '--alg ES256 signs with an EC P-256 key, but the key given is an RSA key'],
    [['sign', '--key', toolkitFixture('keys/ec-p256-sec1.pem'), '--alg', 'ES384'], 2, 'but the key given is an EC P-256 key'],
    [['sign', '--secret-env', 'JWT_SECRET', '--alg', 'HS1'], 2, 'is not a JWS algorithm jose can sign with'],
    [['sign', '--secret-env', 'JWT_SECRET', '--claim', 'novalue'], 2, 'expected name=value'],
    [['sign', '--secret-env', 'JWT_SECRET', '--exp', 'soon'], 2, 'expected a duration'],
    [['sign', '--secret-env', 'JWT_SECRET', '--jti', '{"sub":"x"}'], 2, '--jti took the payload as its value'],
    [['sign', '--secret-env', 'JWT_SECRET', '--iat', '{"sub":"x"}'], 2, 'expected Unix seconds'],
    [['sign', '--secret-env', 'UNSET'], 3, 'UNSET is not set'],
    [['sign', '--key', toolkitFixture('keys/rsa-public.pem')], 3, 'sign needs a private key, and this file holds PUBLIC KEY'],
    [['sign', '--key', toolkitFixture('keys/rsa-public.jwk.json')], 3, 'a public JWK (no "d")'],
    [['sign', '--key', toolkitFixture('keys/encrypted-pkcs8.pem')], 3, 'the private key is encrypted'],
    [['sign', '--key', toolkitFixture('keys/rsa-1024-pkcs8.pem')], 3, 'cannot sign: RS256 requires key modulusLength to be 2048 bits or larger'],
    [['sign', '--secret-env', 'JWT_SECRET', '{"sub":'], 3, 'the payload is not JSON'],
    [['sign', '--secret-env', 'JWT_SECRET', '[1]'], 3, 'the payload must be a JSON object of claims, not a JSON array'],
  ])('%j exits %i', async (argv, code, message) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
  });

  it('never prints private key material, even when the key is bad', async () => {
    const pem = readToolkitFixture('keys/rsa-pkcs8.pem');
    const broken = pem.replace(/^(-----BEGIN PRIVATE KEY-----\n)(.{20})/, '$1AAAAAAAAAAAAAAAAAAAA');
    const { code, err, out } = await run(['sign', '--json', '--key', 'broken.pem'], { files: { 'broken.pem': broken } });
    expect(code).toBe(3);
    const body = pem.split('\n')[2]!;
    expect(err + out).not.toContain(body);
  });

  it('prints JSON with --json and copies with --copy', async () => {
    const { out, io, err } = await run(['sign', '--json', '--copy', '--now', String(NOW), '--secret-env', 'JWT_SECRET', '--sub', 'a']);
    const doc = JSON.parse(out);
    expect(doc.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(doc.payload).toEqual({ sub: 'a', iat: NOW });
    expect(io.clipboardText()).toBe(doc.token);
    expect(err).toContain('token copied');
  });
});
