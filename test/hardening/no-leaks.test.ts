import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../e2e/run-bin.js';
import { hmacToken } from '../helpers/tokens.js';
import { fixtureToken, keyPath, keyText } from '../verify/helpers/fixtures.js';
import { cacheHome } from '../verify/helpers/remote.js';
import { json, startHttp, type TestServer } from '../verify/helpers/servers.js';
import { NOW } from './hostile-shapes.js';
import { CANARY, CANARY_TOKEN, filesBelow, leaksIn, PRIVATE_JWKS_DOCUMENT } from './leak-material.js';

/**
 * A known secret, private keys (PEM and JWK) and a token go into every
 * command, on its success and its error paths, with and without --debug:
 * no output holds the secret or any piece of a private key, and the token
 * shows only where the contract prints tokens (scan --show-tokens).
 */
const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-leaks-'));
const inDir = (name: string): string => join(dir, name);
const OTHER_TOKEN = hmacToken({ sub: 'someone-else' }, 'another-secret-of-thirty-two-b!!');
const RSA_PEM = keyPath('rsa.key.pem');
const RSA_JWK = keyPath('rsa.private.jwk.json');
const ENC_PEM = keyPath('rsa-enc.key.pem');
const GARBLED_PEM = inDir('garbled.pem');
const PRIVATE_SET = inDir('private-jwks.json');
const CANARY_FILE = inDir('secret.txt');
const SCANNED = inDir('scanned');

beforeAll(() => {
  // One character changed mid-body: every other line is the real key's, and the key no longer parses.
  const pem = keyText('rsa.key.pem');
  const at = pem.indexOf('\n', 200) + 10;
  writeFileSync(GARBLED_PEM, `${pem.slice(0, at)}${pem[at] === 'A' ? 'B' : 'A'}${pem.slice(at + 1)}`);
  writeFileSync(PRIVATE_SET, PRIVATE_JWKS_DOCUMENT);
  writeFileSync(CANARY_FILE, `${CANARY}\n`);
  mkdirSync(SCANNED);
  writeFileSync(join(SCANNED, 'app.log'), `GET /api Authorization: Bearer ${CANARY_TOKEN}\n`);
  writeFileSync(join(SCANNED, 'key.pem'), keyText('rsa.key.pem'));
  writeFileSync(join(SCANNED, 'key.jwk.json'), keyText('rsa.private.jwk.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  readonly args: readonly string[];
  readonly stdin?: string;
  /** The contract prints the input token here. */
  readonly showsToken?: boolean;
}

const CASES: Record<string, Case> = {
  'verify --secret': { args: ['verify', '--secret', CANARY, CANARY_TOKEN] },
  'verify --secret-env, wrong signature, --json': { args: ['verify', '--json', '--secret-env', 'CANARY', OTHER_TOKEN] },
  'verify --secret-file': { args: ['verify', '--secret-file', CANARY_FILE, CANARY_TOKEN] },
  'verify --secret-base64 with a secret that is not base64': { args: ['verify', '--secret-env', 'NOT_BASE64', '--secret-base64', CANARY_TOKEN] },
  'verify --key private PEM': { args: ['verify', '--key', RSA_PEM, fixtureToken('RS256')] },
  'verify --key private JWK, --json': { args: ['verify', '--json', '--key', RSA_JWK, fixtureToken('RS256')] },
  'verify --key - (private PEM on stdin)': { args: ['verify', '--key', '-', fixtureToken('RS256')], stdin: keyText('rsa.key.pem') },
  'verify --jwks of private keys': { args: ['verify', '--jwks', PRIVATE_SET, fixtureToken('RS256')] },
  'verify --key garbled private PEM': { args: ['verify', '--key', GARBLED_PEM, CANARY_TOKEN] },
  'verify --key private PEM, token it does not sign': { args: ['verify', '--json', '--key', RSA_PEM, CANARY_TOKEN] },
  'verify --decrypt-key': { args: ['verify', '--json', '--decrypt-key', ENC_PEM, '--key', RSA_PEM, fixtureToken('JWE-RSA-claims')] },
  'decode --decrypt-key': { args: ['decode', '--decrypt-key', ENC_PEM, fixtureToken('JWE-RSA-claims')] },
  'decode --decrypt-key with the wrong key': { args: ['decode', '--json', '--decrypt-key', RSA_PEM, fixtureToken('JWE-RSA-claims')] },
  'decode --decrypt-key garbled': { args: ['decode', '--decrypt-key', GARBLED_PEM, fixtureToken('JWE-RSA-claims')] },
  'decode a PEM file as if it held a token': { args: ['decode', '--file', RSA_PEM] },
  'audit, text': { args: ['audit', CANARY_TOKEN] },
  'audit --json': { args: ['audit', '--json', CANARY_TOKEN] },
  'audit --format sarif': { args: ['audit', '--format', 'sarif', CANARY_TOKEN] },
  'audit a private JWK as if it held a token': { args: ['audit', '--file', RSA_JWK] },
  'audit --secret-env, --json': { args: ['audit', '--json', '--secret-env', 'CANARY', CANARY_TOKEN] },
  'audit --wordlist that cracks the secret, --format sarif': { args: ['audit', '--format', 'sarif', '--wordlist', CANARY_FILE, CANARY_TOKEN] },
  'audit --wordlist that cracks the secret, text': { args: ['audit', '--wordlist', CANARY_FILE, CANARY_TOKEN] },
  'audit --key private PEM': { args: ['audit', '--key', RSA_PEM, fixtureToken('RS256')] },
  'audit --key private PEM, HMAC keyed with its public half, --json': {
    args: ['audit', '--json', '--key', RSA_PEM, fixtureToken('HS256-keyed-with-rsa-public-pem')],
  },
  'audit --jwks of private keys, --format sarif': { args: ['audit', '--format', 'sarif', '--jwks', PRIVATE_SET, fixtureToken('RS256')] },
  'audit --key garbled private PEM': { args: ['audit', '--key', GARBLED_PEM, CANARY_TOKEN] },
  'sign --secret': { args: ['sign', '--secret', CANARY, '--sub', 'x'] },
  'sign --key private PEM, --json': { args: ['sign', '--json', '--key', RSA_PEM, '--sub', 'x'] },
  'sign --key private JWK': { args: ['sign', '--key', RSA_JWK, '--sub', 'x'] },
  'sign --key - (PEM on stdin)': { args: ['sign', '--key', '-', '{"sub":"x"}'], stdin: keyText('ec256.key.pem') },
  'sign --key garbled PEM': { args: ['sign', '--key', GARBLED_PEM, '--sub', 'x'] },
  'sign --secret-env, a payload that is not JSON': { args: ['sign', '--secret-env', 'CANARY', 'not json'] },
  'scan, text': { args: ['scan', SCANNED] },
  'scan --json': { args: ['scan', '--json', SCANNED] },
  'scan --jsonl': { args: ['scan', '--jsonl', SCANNED] },
  'scan --format sarif': { args: ['scan', '--format', 'sarif', SCANNED] },
  'scan --secret-env, verifying each token': { args: ['scan', '--json', '--secret-env', 'CANARY', SCANNED] },
  'scan --key private PEM': { args: ['scan', '--key', RSA_PEM, SCANNED] },
  'scan --show-tokens': { args: ['scan', '--json', '--show-tokens', SCANNED], showsToken: true },
  diff: { args: ['diff', '--json', CANARY_TOKEN, OTHER_TOKEN] },
  'diff with a private key file for a token': { args: ['diff', RSA_PEM, CANARY_TOKEN] },
  'jwks of private keys, text': { args: ['jwks', PRIVATE_SET] },
  'jwks of private keys, --json': { args: ['jwks', '--json', PRIVATE_SET] },
  'jwks of a private PEM': { args: ['jwks', RSA_PEM] },
};

describe.each([
  ['', []],
  [' --debug', ['--debug']],
] as const)('nothing leaks%s', (_label, debug) => {
  it.concurrent.each(Object.entries(CASES))('%s', async (_name, { args, stdin, showsToken }) => {
    const r = await runBin([...args, ...NOW, ...debug], { stdin: stdin ?? '', env: { CANARY, NOT_BASE64: `${CANARY}!!`, XDG_CACHE_HOME: dir } });
    expect(r.code).not.toBeNull();
    expect(r.code).not.toBe(5);
    const output = `${r.stdout}\n${r.stderr}`;
    expect(leaksIn(output)).toEqual([]);
    if (showsToken) expect(r.stdout).toContain(CANARY_TOKEN);
    else expect(output).not.toContain(CANARY_TOKEN);
  });
});

describe('a served JWKS of private keys', () => {
  let server: TestServer;
  let cache: ReturnType<typeof cacheHome>;
  beforeAll(async () => {
    server = await startHttp({ '/jwks': json(PRIVATE_JWKS_DOCUMENT) });
    cache = cacheHome();
  });
  afterAll(async () => {
    await server.close();
    cache.dispose();
  });

  it('is used (public halves only) and listed, and neither the output nor the cache holds its private members', async () => {
    const url = `${server.origin}/jwks`;
    const env = { XDG_CACHE_HOME: cache.dir };
    const verified = await runBin(['verify', '--jwks', url, ...NOW, '--debug', fixtureToken('RS256')], { env });
    const listed = await runBin(['jwks', '--json', url, ...NOW, '--debug'], { env });
    expect(verified.code).toBe(0);
    expect(listed.code).toBe(1);
    expect(leaksIn(verified.stdout + verified.stderr + listed.stdout + listed.stderr)).toEqual([]);
    expect(leaksIn(filesBelow(cache.dir).join('\n'))).toEqual([]);
    expect(server.requests).toEqual(['/jwks', '/jwks']);
  });
});
