import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { jws } from '../helpers/tokens.js';

async function run(argv: string[]) {
  const io = fakeIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const NOW = ['--now', '1700000000'];
const T = jws('{"alg":"HS256","kid":"k1"}', '{"sub":"alice","id":12345678901234567890,"scope":"read write","exp":1700000600}');

describe('decode --expect', () => {
  it('exits 0 when every expectation holds', async () => {
    const { code, err } = await run([
      '-q',
      ...NOW,
      '--expect',
      'sub=alice',
      '--expect',
      'scope~=read',
      '--expect',
      'exp>now+5m',
      '--expect',
      'header.kid=k1',
      T,
    ]);
    expect(code).toBe(0);
    expect(err).toBe('');
  });

  it('lists every failed expectation on stderr and exits 1', async () => {
    const { code, err } = await run(['-q', ...NOW, '--expect', 'sub=bob', '--expect', 'sub', '--expect', 'exp>now+15m', '--expect', '!scope', T]);
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([
      'jwt-inspect: check failed: sub=bob: payload.sub is "alice", expected "bob"',
      'jwt-inspect: check failed: exp>now+15m: payload.exp is 1700000600, expected > 1700000900 (now+15m)',
      'jwt-inspect: check failed: !scope: payload.scope is present: "read write"',
    ]);
  });

  it('puts expectations in the JSON document beside --fresh and --max-ttl, digits kept', async () => {
    const { code, out } = await run(['--json', ...NOW, '--expect', 'id=1', '--expect', 'sub', '--fresh', T]);
    expect(code).toBe(1);
    expect(out).toContain('"actual": 12345678901234567890');
    expect(JSON.parse(out).expectations).toEqual([
      { expr: 'id=1', pass: false, expected: '1', actual: 12345678901234567890, message: 'payload.id is 12345678901234567890, expected 1' },
      { expr: 'sub', pass: true, expected: 'present', actual: 'alice' },
      { expr: '--fresh', pass: true, actual: 'valid' },
    ]);
  });

  it('checks the real values under --redact', async () => {
    const t = jws({ alg: 'HS256' }, { password: 'hunter22' });
    expect((await run(['-q', '--redact', '--expect', 'password=hunter22', t])).code).toBe(0);
  });

  it('is a usage error that points at the bad character', async () => {
    const { code, err, out } = await run(['--expect', 'sub==x', T]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("'==' is not an operator");
    expect(err).toContain('at character 5\n  sub==x\n      ^\n');
    const json = await run(['--json', '--expect', 'exp>later', T]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).error.code).toBe('ERR_USAGE');
  });

  it('escapes terminal controls from the token in failure messages', async () => {
    const t = jws({ alg: 'HS256' }, { sub: '\u001b]0;x\u0007' });
    const { err } = await run(['-q', '--expect', 'sub=y', t]);
    expect(err).not.toMatch(/[\u001b\u0007]/);
    expect(err).toContain('\\u001b');
  });
});
