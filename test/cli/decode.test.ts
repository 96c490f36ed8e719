import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { jwe, jws, JWT_IO } from '../helpers/tokens.js';

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err(), io };
}

const NOW = ['--now', '1700000000'];

describe('decode', () => {
  it('is the default command and says the signature was not checked', async () => {
    const { code, out } = await run([JWT_IO, ...NOW]);
    expect(code).toBe(0);
    expect(out).toMatch(/^UNVERIFIED/);
    expect(out).toContain('"name": "John Doe"');
    expect(out).toContain('HS256, 32 bytes, not verified');
    expect(out).toContain('2018-01-18T01:30:22.000Z');
  });

  it('prints the contract JSON shape with --json', async () => {
    const { code, out } = await run(['decode', '--json', ...NOW, JWT_IO]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.token).toEqual({ kind: 'JWS', bytes: 155, source: { from: 'argument', as: 'raw', name: null, count: 1 } });
    expect(doc.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(doc.signature).toEqual({ alg: 'HS256', bytes: 32, verified: false });
    expect(doc.time).toMatchObject({ now: 1700000000, status: 'no-expiry', iat: { value: 1516239022, iso: '2018-01-18T01:30:22.000Z' } });
    expect(doc.findings.map((f: { id: string }) => f.id)).toContain('no-expiry');
    expect(doc.expectations).toEqual([]);
    expect(doc.verification).toBeNull();
    expect(doc.inner).toBeNull();
  });

  it('keeps claim order and the digits of large integers in JSON and text', async () => {
    const t = jws('{"alg":"HS256"}', '{"z":1,"id":12345678901234567890,"a":2,"10":3}');
    const json = (await run(['--json', ...NOW, t])).out;
    expect(json).toContain('"id": 12345678901234567890');
    expect(json.indexOf('"z"')).toBeLessThan(json.indexOf('"10"'));
    const text = (await run([...NOW, t])).out;
    expect(text).toContain('"id": 12345678901234567890');
    expect((await run(['--raw', 'payload', t])).out).toBe('{"z":1,"id":12345678901234567890,"a":2,"10":3}\n');
  });

  it('escapes terminal control characters from the token', async () => {
    const t = jws({ alg: 'HS256', kid: '\u001b]0;pwned\u0007' }, { sub: 'a\u202eb\u001b[2J' });
    const { out } = await run([...NOW, t]);
    expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(out).toContain('\\u001b');
    expect(out).toContain('\\u202e');
    expect((await run(['--claim', 'sub', t])).out).toBe('a\\u202eb\\u001b[2J\n');
  });

  it('prints one claim with --claim, and exits 1 when it is absent', async () => {
    const t = jws({ alg: 'HS256' }, { sub: 'alice', n: 5, 'https://x.io/roles': ['a'] });
    expect((await run(['--claim', 'sub', t])).out).toBe('alice\n');
    expect((await run(['--claim', 'n', t])).out).toBe('5\n');
    expect((await run(['--claim', '["https://x.io/roles"][0]', t])).out).toBe('a\n');
    expect((await run(['--claim', 'header.alg', t])).out).toBe('HS256\n');
    const missing = await run(['--claim', 'email', t]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no claim email');
  });

  it('reads piped stdin, and shows help with exit 2 when stdin is a terminal', async () => {
    expect((await run(['--json'], { stdin: `Authorization: Bearer ${JWT_IO}\n` })).out).toContain('"as": "bearer"');
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Usage: jwt-inspect decode');
    expect(none.out).toBe('');
  });

  it('prefers an explicit source over a stdin that is merely not a terminal', async () => {
    const { code, out } = await run(['--json', JWT_IO], { stdin: '', stdinIsTTY: false });
    expect(code).toBe(0);
    expect(JSON.parse(out).token.source.from).toBe('argument');
  });

  it('refuses two explicit sources', async () => {
    const { code, err } = await run([JWT_IO, '--clipboard']);
    expect(code).toBe(2);
    expect(err).toMatch(/one place only/);
  });

  it('picks by name and notes the choice when the input holds several tokens', async () => {
    const a = jws({ alg: 'HS256' }, { sub: 'a' });
    const b = jws({ alg: 'HS256' }, { sub: 'b' });
    const input = JSON.stringify({ access_token: a, id_token: b });
    const first = await run(['--claim', 'sub'], { stdin: input, stdinIsTTY: false });
    expect(first.out).toBe('a\n');
    expect(first.err).toContain('2 tokens (access_token, id_token)');
    const picked = await run(['--claim', 'sub', '--pick', 'id_token'], { stdin: input, stdinIsTTY: false });
    expect(picked.out).toBe('b\n');
    expect(picked.err).toBe('');
    const wrong = await run(['--pick', 'nope'], { stdin: input, stdinIsTTY: false });
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('names found: access_token, id_token');
  });

  it('reads the clipboard, and reports a clipboard failure as an input error', async () => {
    expect((await run(['-c', '--claim', 'sub'], { clipboard: JWT_IO })).out).toBe('1234567890\n');
    const broken = await run(['-c'], { clipboard: new Error('no display') });
    expect(broken.code).toBe(3);
    expect(broken.err).toContain('no display');
  });

  it('copies the payload with --copy', async () => {
    const { io } = await run(['--copy', '-q', JWT_IO]);
    expect(JSON.parse(io.clipboardText())).toEqual({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
  });

  it('checks --fresh and --max-ttl with exit 1 and the reason on stderr', async () => {
    const t = jws({ alg: 'HS256' }, { iat: 1_699_999_000, exp: 1_700_000_600 });
    expect((await run(['--fresh', '-q', ...NOW, t])).code).toBe(0);
    const late = await run(['--fresh', '-q', '--now', '1700000600', t]);
    expect(late.code).toBe(1);
    expect(late.err).toContain('expired');
    expect((await run(['--fresh', '-q', '--now', '1700000600', '--leeway', '1m', t])).code).toBe(0);
    expect((await run(['--max-ttl', '30m', '-q', ...NOW, t])).code).toBe(0);
    const long = await run(['--max-ttl', '15m', '--json', ...NOW, t]);
    expect(long.code).toBe(1);
    expect(JSON.parse(long.out).expectations).toEqual([
      { expr: '--max-ttl 15m', pass: false, actual: 1600, message: expect.stringContaining('over the 15 minutes') },
    ]);
  });

  it('redacts sensitive values and drops the signature with --redact', async () => {
    const t = jws({ alg: 'HS256' }, { sub: '42', password: 'hunter22', exp: 1_700_000_600 });
    const { out } = await run(['--redact', '--json', ...NOW, t]);
    const doc = JSON.parse(out);
    expect(doc.payload.password).toMatch(/^\[redacted: 8 chars, sha256 [0-9a-f]{8}\]$/);
    expect(doc.signature).toBeNull();
    expect(out).not.toContain('hunter22');
  });

  it('marks and redacts the sensitive claims of a nested token too', async () => {
    const inner = jws({ alg: 'HS256' }, { sub: '1', password: 'hunter2secret' });
    const nested = jws('{"alg":"HS256","cty":"JWT"}', inner);
    const text = await run([...NOW, nested]);
    expect(text.out).toMatch(/"password": "hunter2secret",?\s+◀ critical/);
    expect(text.out).toContain('inner.payload.password: h***********t (13 chars)');
    const redacted = await run(['--redact', '--json', ...NOW, nested]);
    expect(redacted.out).not.toContain('hunter2secret');
    expect(redacted.out).not.toContain(inner);
    expect(JSON.parse(redacted.out).inner.payload.password).toMatch(/^\[redacted: 13 chars, sha256 [0-9a-f]{8}\]$/);
  });

  it('shows a JWE header and says the payload is encrypted', async () => {
    const encrypted = jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'e1' }, 'a2V5');
    const text = await run([...NOW, encrypted]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('encrypted (JWE, alg RSA-OAEP, enc A256GCM)');
    const doc = JSON.parse((await run(['--json', ...NOW, encrypted])).out);
    expect(doc.token.kind).toBe('JWE');
    expect(doc.payload).toBeNull();
    expect(doc.signature).toBeNull();
  });

  it('decodes unsecured, nested and non-JSON payloads for what they are', async () => {
    const none = jws({ alg: 'none' }, { sub: 'x' }, '');
    const doc = JSON.parse((await run(['--json', ...NOW, none])).out);
    expect(doc.token.kind).toBe('unsecured');
    expect(doc.findings.map((f: { id: string }) => f.id)).toContain('alg-none');

    const inner = jws({ alg: 'HS256' }, { sub: 'inner' });
    const nested = jws('{"alg":"HS256","cty":"JWT"}', inner);
    const n = JSON.parse((await run(['--json', ...NOW, nested])).out);
    expect(n.payload).toBeNull();
    expect(n.payloadText).toBe(inner);
    expect(n.inner.payload).toEqual({ sub: 'inner' });
    // --claim reads the claims --expect reads: the inner token's; --raw payload is the part as it stands.
    expect((await run(['--claim', 'sub', ...NOW, nested])).out).toBe('inner\n');
    expect((await run(['--raw', 'payload', ...NOW, nested])).out).toBe(`${inner}\n`);

    const text = JSON.parse((await run(['--json', ...NOW, jws('{"alg":"HS256"}', 'hello')])).out);
    expect(text.payloadText).toBe('hello');
    const bin = jws({ alg: 'HS256' }, Uint8Array.of(0xff, 0xfe), 'c2ln');
    expect(JSON.parse((await run(['--json', ...NOW, bin])).out).payloadBase64url).toBe('__4');
  });

  it('exits 3 with one line for a malformed token, and with a JSON error under --json', async () => {
    const bad = await run(['a.b']);
    expect(bad.code).toBe(3);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toContain('3 parts (JWS) or 5 (JWE)');
    const json = await run(['--json', 'nothing here']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out)).toEqual({ error: { code: 'ERR_NO_TOKEN', message: expect.stringContaining('no JWT found') } });
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['--bogus', JWT_IO])).code).toBe(2);
    expect((await run(['--now', 'yesterday', JWT_IO])).code).toBe(2);
    expect((await run(['--raw', 'body', JWT_IO])).code).toBe(2);
    const badPath = await run(['--claim', 'a[x', JWT_IO]);
    expect(badPath.code).toBe(2);
    expect(badPath.err).toContain('at character 3');
  });

  it('prints --help and --version with exit 0', async () => {
    const help = await run(['decode', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Examples:');
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('colours only when asked or on a terminal, never in JSON', async () => {
    expect((await run([...NOW, JWT_IO])).out).not.toContain('\u001b[');
    expect((await run([...NOW, JWT_IO], { stdoutIsTTY: true })).out).toContain('\u001b[');
    expect((await run([...NOW, JWT_IO], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain('\u001b[');
    expect((await run(['--no-color', ...NOW, JWT_IO], { stdoutIsTTY: true })).out).not.toContain('\u001b[');
    expect((await run([...NOW, JWT_IO], { env: { FORCE_COLOR: '1' } })).out).toContain('\u001b[');
    expect((await run(['--color', ...NOW, JWT_IO])).out).toContain('\u001b[');
    expect((await run(['--color', '--json', ...NOW, JWT_IO])).out).not.toContain('\u001b[');
  });

  it('prints completion scripts', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const { code, out } = await run(['completion', shell]);
      expect(code).toBe(0);
      expect(out).toContain('jwt-inspect');
      expect(out).toMatch(/(--|-l )raw/);
    }
    expect((await run(['completion', 'tcsh'])).code).toBe(2);
  });
});
