import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { sarifErrors } from '../helpers/sarif-schema.js';
import { hmacToken, jws } from '../helpers/tokens.js';
import { AT_FIXTURE_TIME, fixtureToken, keyPath, keyText } from '../verify/helpers/fixtures.js';

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const NOW = ['--now', '1700000000'];
const CLEAN = jws(
  { alg: 'ES256', typ: 'at+jwt', kid: 'k1' },
  { iss: 'https://idp.example.com', sub: 'u1', aud: 'api', client_id: 'c', iat: 1_699_999_900, exp: 1_700_000_500, jti: 'j1' },
);
const LEAKY = jws({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', password: 'hunter22', iat: 1_699_999_900 });
const ids = (out: string): string[] => JSON.parse(out).findings.map((f: { id: string }) => f.id);

describe('audit', () => {
  it('passes a clean token (exit 0) and fails at --fail-on high by default (exit 1)', async () => {
    expect((await run(['audit', ...NOW, CLEAN])).code).toBe(0);
    const leaky = await run(['audit', ...NOW, LEAKY]);
    expect(leaky.code).toBe(1);
    expect(leaky.out).toContain('CRITICAL');
    expect(leaky.out).toContain('payload.password: h******2 (8 chars)');
    expect(leaky.out).toContain('FAIL: findings at high or above');
    expect(leaky.out).not.toContain('hunter22');
  });

  it('shows values only with --show-values', async () => {
    expect((await run(['audit', '--show-values', ...NOW, LEAKY])).out).toContain('payload.password: hunter22');
  });

  it('honours --fail-on and --ignore', async () => {
    expect((await run(['audit', '--fail-on', 'none', ...NOW, LEAKY])).code).toBe(0);
    expect((await run(['audit', '--ignore', 'sensitive-credential,no-expiry', ...NOW, LEAKY])).code).toBe(0);
    const unknown = await run(['audit', '--ignore', 'no-such-rule', ...NOW, LEAKY]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no rule named no-such-rule');
    expect((await run(['audit', '--fail-on', 'severe', LEAKY])).code).toBe(2);
  });

  it('prints the contract JSON with --json and --format json', async () => {
    const a = await run(['audit', '--json', ...NOW, LEAKY]);
    const b = await run(['audit', '--format', 'json', ...NOW, LEAKY]);
    expect(a.out).toBe(b.out);
    const doc = JSON.parse(a.out);
    expect(doc.findings[0]).toMatchObject({ id: 'sensitive-credential', severity: 'critical', category: 'sensitive-data', path: 'payload.password' });
    expect(doc.verification).toBeNull();
  });

  it('uses the lifetime profile and limits given', async () => {
    const day = jws({ alg: 'ES256' }, { iat: 1_700_000_000, exp: 1_700_086_400 });
    const lifetime = (out: string) => JSON.parse(out).findings.find((f: { id: string }) => f.id === 'lifetime-too-long');
    expect(lifetime((await run(['audit', '--json', ...NOW, day])).out)).toMatchObject({ severity: 'medium' });
    expect(lifetime((await run(['audit', '--json', '--profile', 'refresh', ...NOW, day])).out)).toBeUndefined();
    expect(lifetime((await run(['audit', '--json', '--max-lifetime', 'access=1d', ...NOW, day])).out)).toBeUndefined();
    expect((await run(['audit', '--max-lifetime', 'access=soon', day])).code).toBe(2);
  });

  it('runs the cookie rules on a Set-Cookie line', async () => {
    const out = (await run(['audit', '--json', ...NOW, `Set-Cookie: jwt=${CLEAN}; Path=/`])).out;
    expect(ids(out)).toEqual(expect.arrayContaining(['cookie-no-httponly', 'cookie-no-secure']));
  });

  it('writes SARIF 2.1.0 that validates against the schema', async () => {
    const { code, out } = await run(['audit', '--format', 'sarif', ...NOW, LEAKY]);
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(sarifErrors(doc)).toEqual([]);
    const run0 = doc.runs[0];
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleCatalogue().map((r) => r.id));
    const cred = run0.results.find((r: { ruleId: string }) => r.ruleId === 'sensitive-credential');
    expect(cred).toMatchObject({ level: 'error', locations: [{ logicalLocations: [{ fullyQualifiedName: 'payload.password' }] }] });
    expect(run0.tool.driver.rules[cred.ruleIndex].id).toBe('sensitive-credential');
  });

  it('points SARIF results at the file the token came from', async () => {
    const { out } = await run(['audit', '--format', 'sarif', '--file', 'token.txt', ...NOW], { files: { 'token.txt': LEAKY } });
    expect(JSON.parse(out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('token.txt');
  });
});

describe('audit with a key option', () => {
  const HS = hmacToken({ sub: 'u1', iat: 1_699_999_900, exp: 1_700_000_500 }, 'changeme');
  const keyIds = (out: string): string[] =>
    JSON.parse(out)
      .findings.filter((f: { category: string }) => f.category === 'key' || f.category === 'secret')
      .map((f: { id: string }) => f.id);

  it('runs the secret rules on --secret, masking it', async () => {
    const { code, out, err } = await run(['audit', '--json', ...NOW, '--secret', 'changeme', HS]);
    expect(code).toBe(1);
    expect(keyIds(out)).toEqual(['weak-secret', 'short-secret', 'password-like-secret']);
    expect(out).not.toContain('changeme');
    expect(err).toContain('--secret puts the secret in the argument list');
  });

  it('reports a failing signature as info, and as high with --expect-valid', async () => {
    const info = await run(['audit', '--json', '--fail-on', 'high', ...NOW, '--secret-env', 'K', CLEAN], { env: { K: 'x'.repeat(40) } });
    expect(JSON.parse(info.out).findings.find((f: { id: string }) => f.id === 'signature-mismatch')).toMatchObject({ severity: 'info' });
    const high = await run(['audit', '--expect-valid', ...NOW, '--secret-env', 'K', CLEAN], { env: { K: 'x'.repeat(40) } });
    expect(high.code).toBe(1);
    expect(high.out).toContain('signature does not verify with --secret-env K');
  });

  it('finds algorithm confusion with --key, and says the signature was checked', async () => {
    const pem = keyText('rsa.pub.pem');
    const forged = hmacToken({ sub: 'admin', iat: 1_699_999_900, exp: 1_700_000_500 }, pem);
    const { code, out } = await run(['audit', ...NOW, '--key', keyPath('rsa.pub.pem'), forged]);
    expect(code).toBe(1);
    expect(out).toContain('CRITICAL Algorithm confusion (public key as HMAC secret) [alg-confusion]');
    expect(out).toContain('signature does not verify with');
    expect(out).not.toContain('BEGIN PUBLIC KEY');
  });

  it('verifies with a JWKS', async () => {
    const { out } = await run(['audit', '--fail-on', 'none', ...AT_FIXTURE_TIME, '--jwks', keyPath('jwks.json'), fixtureToken('RS256')]);
    expect(out).toMatch(/signature verified with .*jwks\.json/);
  });

  it('refuses --expect-valid without a key, and --key - with the token on stdin', async () => {
    const bare = await run(['audit', '--expect-valid', CLEAN]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('--expect-valid needs a key');
    expect((await run(['audit', '--key', '-'], { stdin: CLEAN })).code).toBe(2);
  });

  it('exits 3 on a key that cannot be read', async () => {
    expect((await run(['audit', '--key', 'no-such-key.pem', CLEAN])).code).toBe(3);
  });
});

describe('audit of input that holds no token', () => {
  it('lists the input findings in text, the error on stderr, and exits 3', async () => {
    const { code, out, err } = await run(['audit', 'abc.def']);
    expect(code).toBe(3);
    expect(out).toContain('the input holds no token that can be decoded');
    expect(out).toContain('MEDIUM   Not compact JWS/JWE [not-compact]');
    expect(err).toMatch(/^jwt-inspect: /);
  });

  it('prints the error document with the findings in JSON', async () => {
    const { code, out } = await run(['audit', '--json', '{"payload":"e30","signatures":[{"signature":"c2ln"}]}']);
    expect(code).toBe(3);
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'ERR_NO_TOKEN' }, findings: [{ id: 'json-serialization', severity: 'medium' }] });
  });

  it('writes the findings as SARIF results, located in the input file', async () => {
    const { code, out } = await run(['audit', '--format', 'sarif', '--file', 'in.txt'], { files: { 'in.txt': 'a.b.c.d' } });
    expect(code).toBe(3);
    const doc = JSON.parse(out);
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0].results).toMatchObject([{ ruleId: 'not-compact', locations: [{ physicalLocation: { artifactLocation: { uri: 'in.txt' } } }] }]);
  });

  it('fails as before when no input rule applies, or when the input rules are ignored', async () => {
    const malformed = await run(['audit', '--json', 'WzFd.e30.c2ln']);
    expect(malformed.code).toBe(3);
    expect(JSON.parse(malformed.out)).toEqual({ error: { code: 'ERR_MALFORMED_TOKEN', message: expect.any(String) } });
    expect((await run(['audit', '--ignore', 'not-compact', 'abc.def'])).out).toBe('');
  });
});

describe('audit --wordlist and --no-secret-check', () => {
  it('skips the built-in list with --no-secret-check', async () => {
    const { code, out } = await run(['audit', '--json', '--no-secret-check', ...NOW, hmacToken({ sub: 'u1' }, 'secret')]);
    expect(ids(out)).not.toContain('weak-secret');
    expect(code).toBe(1);
  });

  it.each([
    ['the check is off', ['--no-secret-check'], hmacToken({ sub: 'u1' }, 'x'.repeat(40)), 'the weak-secret check is off'],
    ['the token is not HS*', [], CLEAN, 'the token is not signed with an HMAC secret'],
    ['the built-in list found the secret', [], hmacToken({ sub: 'u1' }, 'secret'), 'the secret is already known'],
  ])('says why the wordlist is not used when %s', async (_why, flags, tokenText, reason) => {
    const { err } = await run(['audit', ...flags, '--wordlist', 'words.txt', ...NOW, tokenText], { files: { 'words.txt': 'a\nb\n' } });
    expect(err).toContain(`--wordlist words.txt not used: ${reason}`);
  });
});

describe('SARIF rule metadata', () => {
  it('comes from the catalogue in scan too', async () => {
    const { out } = await run(['scan', '--format', 'sarif', 'in.txt'], { files: { 'in.txt': `Bearer ${LEAKY}\n` } });
    expect(JSON.parse(out).runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleCatalogue().map((r) => r.id));
  });
});
