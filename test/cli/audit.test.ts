import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { RULES } from '../../src/audit/rules/index.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { sarifErrors } from '../helpers/sarif-schema.js';
import { token } from '../helpers/tokens.js';

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const NOW = ['--now', '1700000000'];
const CLEAN = token({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' }, { iss: 'https://idp.example.com', sub: 'u1', aud: 'api', client_id: 'c', iat: 1_699_999_900, exp: 1_700_000_500, jti: 'j1' });
const LEAKY = token({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', password: 'hunter22', iat: 1_699_999_900 });
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
    const day = token({ alg: 'ES256' }, { iat: 1_700_000_000, exp: 1_700_086_400 });
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
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const cred = run0.results.find((r: { ruleId: string }) => r.ruleId === 'sensitive-credential');
    expect(cred).toMatchObject({ level: 'error', locations: [{ logicalLocations: [{ fullyQualifiedName: 'payload.password' }] }] });
    expect(run0.tool.driver.rules[cred.ruleIndex].id).toBe('sensitive-credential');
  });

  it('points SARIF results at the file the token came from', async () => {
    const { out } = await run(['audit', '--format', 'sarif', '--file', 'token.txt', ...NOW], { files: { 'token.txt': LEAKY } });
    expect(JSON.parse(out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('token.txt');
  });
});
