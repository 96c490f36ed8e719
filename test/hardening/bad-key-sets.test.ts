import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, type BinResult } from '../e2e/run-bin.js';
import { fixtureToken, keyText } from '../verify/helpers/fixtures.js';
import { DEEP_ARRAYS, expectOneLineError, hundredMegabytes, INVALID_UTF8, NOW } from './hostile-shapes.js';

/**
 * Hostile key documents: a JWKS on stdin to `jwks -`, and key files to
 * `verify --key` and `verify --jwks`. One line and exit 3, or the keys listed
 * for what they are; never a stack trace, never a hang.
 */
const RSA = JSON.parse(keyText('rsa.jwk.json')) as Record<string, string>;
const rsaWith = (members: string): string => JSON.stringify(RSA).replace(/}$/, `,${members}}`);
const unusableKeys = (n: number): string => `{"keys":[${Array.from({ length: n }, () => '{}').join(',')}]}`;

const SHAPES = {
  empty: '',
  invalidUtf8: INVALID_UTF8,
  invalidBase64url: '{"keys":[{"kty":"RSA","n":"!!!!","e":"%%%"},{"kty":"EC","crv":"P-256","x":"***","y":"..."}]}',
  deepArrays: `{"keys":[${DEEP_ARRAYS}]}`,
  deepMember: `{"keys":[{"kty":"RSA","n":${DEEP_ARRAYS},"e":"AQAB"}]}`,
  millionKeys: unusableKeys(1_000_000),
  protoAndHugeNumbers: `{"__proto__":{"keys":[]},"keys":[${rsaWith('"__proto__":{"alg":"none"},"constructor":{"prototype":{"kid":"x"}}')},{"kty":"EC","crv":"P-256","x":1e400,"y":-1e400}]}`,
  tenMegabyteKey: `{"keys":[{"kty":"RSA","n":"${'A'.repeat(10 * 1024 * 1024)}","e":"AQAB"}]}`,
} as const;

const jwks = (stdin: string | Uint8Array): Promise<BinResult> => runBin(['jwks', '--json', ...NOW, '-'], { stdin, timeoutMs: 30_000 });
const ids = (r: BinResult): string[] => JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id);

function expectRefused(r: BinResult, message: RegExp): void {
  expect(r.code).toBe(3);
  expectOneLineError(r.stderr);
  expect(r.stderr).toMatch(message);
}

describe('jwks - with a hostile set on stdin', () => {
  it.each([
    ['empty input', SHAPES.empty, /stdin: not JSON/],
    ['invalid UTF-8', SHAPES.invalidUtf8, /stdin: not JSON/],
    ['a million keys', SHAPES.millionKeys, /stdin: the set holds 1000000 keys; more than 10000/],
  ] as const)('%s: refused, exit 3', async (_what, stdin, message) => {
    const r = await jwks(stdin);
    expectRefused(r, message);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: expect.stringMatching(/^ERR_/), message: expect.any(String) } });
  });

  it('100 MB of random bytes: refused at the input limit', async () => {
    expectRefused(await jwks(hundredMegabytes()), /larger than 16777216 bytes/);
  });

  it.each([
    ['invalid base64url members', SHAPES.invalidBase64url, 2],
    ['10,000-deep arrays for a key', SHAPES.deepArrays, 1],
    ['10,000-deep arrays for a member', SHAPES.deepMember, 1],
    ['a 10 MB modulus', SHAPES.tenMegabyteKey, 1],
  ] as const)('%s: listed, each flagged as a key that cannot be read (exit 1)', async (_what, stdin, count) => {
    const r = await jwks(stdin);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(ids(r).filter((id) => id === 'jwks-unusable-key')).toHaveLength(count);
  });

  it('__proto__, constructor and 1e400: members read as data, never as the set or the key', async () => {
    const r = await jwks(SHAPES.protoAndHugeNumbers);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.keys).toHaveLength(2);
    expect(doc.keys[0]).toMatchObject({ kid: RSA['kid'], kty: 'RSA', alg: RSA['alg'] ?? null });
    expect(doc.keys[0].thumbprint).toMatch(/^[\w-]{43}$/);
    expect(doc.keys[1].thumbprint).toBeNull();
  });
});

describe('verify with a hostile key file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const verifyWith = (option: '--key' | '--jwks', text: string | Uint8Array): Promise<BinResult> => {
    const file = join(dir, 'key');
    writeFileSync(file, text);
    return runBin(['verify', option, file, ...NOW, fixtureToken('RS256')], { timeoutMs: 30_000 });
  };

  it.each([
    ['empty', SHAPES.empty, /neither PEM nor valid JSON/],
    ['invalid UTF-8', SHAPES.invalidUtf8, /not a text file/],
    ['invalid base64url members', SHAPES.invalidBase64url, /the JWKS holds no key that can verify a JWT/],
    ['10,000-deep arrays', SHAPES.deepArrays, /keys\[0\] is not a JSON object/],
    ['10,000-deep arrays for a member', SHAPES.deepMember, /the RSA JWK is not a valid key/],
    ['a million keys', SHAPES.millionKeys, /is larger than 1048576 bytes/],
    ['a 10 MB key', SHAPES.tenMegabyteKey, /is larger than 1048576 bytes/],
    ['a garbled PEM body', '-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n', /the PUBLIC KEY block cannot be read/],
  ] as const)('%s: refused with one line, exit 3', async (_what, text, message) => {
    for (const option of ['--key', '--jwks'] as const) expectRefused(await verifyWith(option, text), message);
  });

  it('100 MB of random bytes: refused at the key file limit', async () => {
    expectRefused(await verifyWith('--key', hundredMegabytes()), /is larger than 1048576 bytes/);
  });

  it('100,000 unusable keys: one short line that counts what was skipped', async () => {
    const r = await verifyWith('--jwks', unusableKeys(100_000));
    expectRefused(r, /the JWKS holds no key that can verify a JWT/);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toContain('99997 more');
  });

  it('__proto__, constructor and 1e400: the real key still verifies', async () => {
    const r = await verifyWith('--jwks', SHAPES.protoAndHugeNumbers);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VALID');
  });
});
