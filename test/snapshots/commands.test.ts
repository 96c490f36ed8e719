// The text (and JSON) every command prints, pinned per case in __files__/<name>.md (see snapshot.ts).
import { describe, it } from 'vitest';
import { EXAMPLES_NOW, expectSnapshot, FIXTURE_NOW, type Case } from './snapshot.js';

const RSA_PUB = 'test/fixtures/keys/rsa.pub.pem';
const JWE_NESTED = { token: 'JWE-nested-ES256' };
const SECRET_ENV = { JWT_SECRET: 'fixture-secret-that-is-32-bytes!' };

const CASES: readonly Case[] = [
  // decode
  { name: 'decode-file', args: [...EXAMPLES_NOW, 'decode', '--file', 'examples/sensitive-token.txt'] },
  { name: 'decode-default-command-stdin', args: EXAMPLES_NOW, stdinFile: 'examples/authorization-header.txt' },
  { name: 'decode-several-tokens-first', args: [...EXAMPLES_NOW, 'decode'], stdinFile: 'examples/token-response.json' },
  { name: 'decode-json-pick', args: ['--json', ...EXAMPLES_NOW, 'decode', '--file', 'examples/token-response.json', '--pick', 'id_token'] },
  { name: 'decode-raw-payload', args: ['decode', '--raw', 'payload', '--file', 'examples/sensitive-token.txt'] },
  { name: 'decode-claim', args: ['decode', '--claim', 'name', '--file', 'examples/sensitive-token.txt'] },
  { name: 'decode-claim-missing', args: ['decode', '--claim', 'address.country', '--file', 'examples/sensitive-token.txt'] },
  { name: 'decode-nested-jws', args: [...FIXTURE_NOW, 'decode', '--file', 'test/snapshots/fixtures/nested-jws.txt'] },
  { name: 'decode-jwe-without-key', args: [...FIXTURE_NOW, 'decode', JWE_NESTED] },
  { name: 'decode-jwe-decrypted', args: [...FIXTURE_NOW, 'decode', '--decrypt-key', 'test/fixtures/keys/rsa-enc.key.pem', JWE_NESTED] },
  { name: 'decode-redact', args: [...EXAMPLES_NOW, 'decode', '--redact', '--file', 'examples/sensitive-token.txt'] },
  { name: 'decode-alg-none', args: [...FIXTURE_NOW, 'decode', { token: 'alg-none' }] },
  {
    name: 'decode-expect-failed',
    args: [
      ...FIXTURE_NOW,
      'decode',
      '-q',
      '--expect',
      'sub=42',
      '--expect',
      'aud=api://jwt-inspect-tests',
      '--fresh',
      { token: 'RS256-expired-wrong-audience' },
    ],
  },

  // verify
  { name: 'verify-valid', args: [...FIXTURE_NOW, 'verify', '--key', RSA_PUB, { token: 'RS256' }] },
  { name: 'verify-valid-secret-env', args: [...FIXTURE_NOW, 'verify', '--secret-env', 'JWT_SECRET', { token: 'HS256' }], env: SECRET_ENV },
  {
    name: 'verify-invalid-several-failures',
    args: [...FIXTURE_NOW, 'verify', '--key', RSA_PUB, '--aud', 'api://jwt-inspect-tests', '--sub', 'user-7', { token: 'RS256-expired-wrong-audience' }],
  },
  { name: 'verify-invalid-tampered', args: [...FIXTURE_NOW, 'verify', '--key', RSA_PUB, { token: 'RS256-tampered' }] },
  { name: 'verify-invalid-key-confusion', args: [...FIXTURE_NOW, 'verify', '--key', RSA_PUB, { token: 'HS256-keyed-with-rsa-public-pem' }] },
  {
    name: 'verify-json-invalid',
    args: ['--json', ...FIXTURE_NOW, 'verify', '--key', RSA_PUB, '--aud', 'api://jwt-inspect-tests', { token: 'RS256-expired-wrong-audience' }],
  },
  {
    name: 'verify-jwe-decrypt-key',
    args: [...FIXTURE_NOW, 'verify', '--decrypt-key', 'test/fixtures/keys/rsa-enc.key.pem', '--jwks', 'test/fixtures/keys/jwks.json', JWE_NESTED],
  },
  { name: 'verify-quiet-valid', args: [...FIXTURE_NOW, '-q', 'verify', '--key', RSA_PUB, { token: 'RS256' }] },
  { name: 'verify-quiet-invalid', args: [...FIXTURE_NOW, '-q', 'verify', '--key', RSA_PUB, { token: 'RS256-tampered' }] },

  // audit
  { name: 'audit-text', args: [...EXAMPLES_NOW, 'audit', '--file', 'examples/sensitive-token.txt'] },
  { name: 'audit-text-pass', args: [...EXAMPLES_NOW, 'audit', '--file', 'examples/authorization-header.txt'] },
  { name: 'audit-json', args: ['--json', ...EXAMPLES_NOW, 'audit', '--file', 'examples/authorization-header.txt'] },
  { name: 'audit-sarif', args: [...EXAMPLES_NOW, 'audit', '--format', 'sarif', '--file', 'examples/authorization-header.txt'] },
  { name: 'audit-cookie', args: [...EXAMPLES_NOW, 'audit'], stdinFile: 'examples/set-cookie.txt' },
  { name: 'audit-key-confusion', args: [...FIXTURE_NOW, 'audit', '--key', RSA_PUB, { token: 'HS256-keyed-with-rsa-public-pem' }] },

  // scan
  { name: 'scan-folder', args: [...EXAMPLES_NOW, 'scan', 'test/fixtures/scan'] },
  { name: 'scan-har-json', args: ['--json', ...EXAMPLES_NOW, 'scan', 'test/fixtures/scan/session.har'] },
  { name: 'scan-log-key', args: [...FIXTURE_NOW, 'scan', '--key', RSA_PUB, 'test/snapshots/fixtures/app.log'] },

  // sign: HS256 and RS256 (PKCS#1 v1.5) are deterministic, and --now / --iat fix iat, so the token is too.
  {
    name: 'sign-hs256-secret-env',
    args: [
      ...FIXTURE_NOW,
      'sign',
      '--secret-env',
      'JWT_SECRET',
      '--iss',
      'https://issuer.example',
      '--sub',
      'alice',
      '--aud',
      'api',
      '--exp',
      '15m',
      '{"scope":"read write"}',
    ],
    env: SECRET_ENV,
  },
  {
    name: 'sign-rs256-json',
    args: ['--json', 'sign', '--key', 'test/fixtures/keys/rsa.key.pem', '--kid', 'rsa-1', '--iat', '1700000000', '--exp', '1h', '--claim', 'admin=true'],
  },
  { name: 'sign-short-secret-warning', args: [...FIXTURE_NOW, 'sign', '--secret-env', 'JWT_SECRET', '--sub', 'alice'], env: { JWT_SECRET: 'short' } },

  // diff
  { name: 'diff-text', args: ['diff', { token: 'RS256' }, { token: 'RS256-expired-wrong-audience' }] },
  { name: 'diff-json', args: ['--json', 'diff', { token: 'RS256' }, { token: 'RS256-expired-wrong-audience' }] },
  { name: 'diff-same-ignoring-kid', args: ['diff', '--ignore', 'header.kid', { token: 'RS256' }, { token: 'RS256-rotated' }] },

  // jwks
  { name: 'jwks-file', args: [...FIXTURE_NOW, 'jwks', 'test/fixtures/keys/jwks.json'] },
  { name: 'jwks-file-json', args: ['--json', ...FIXTURE_NOW, 'jwks', 'test/fixtures/keys/jwks.json'] },
];

describe('what each command prints (built binary, file snapshots)', () => {
  // Concurrent: each case is a process start; the context's expect is the one concurrent tests must use.
  it.concurrent.for(CASES)('$name', async (c, { expect }) => {
    await expectSnapshot(c, expect);
  });
});
