import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, type FakeIoOptions } from '../helpers/fake-io.js';
import { jws } from '../helpers/tokens.js';

async function run(argv: string[], options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const NOW = ['--now', '1700000000'];
const A = jws('{"alg":"RS256","kid":"k1"}', '{"sub":"alice","scope":"read write","iat":1700000000,"exp":1700000900,"name":"Ada"}');
const B = jws('{"alg":"RS256","kid":"k2"}', '{"sub":"alice","scope":"write admin","iat":1700000000,"exp":1700003600,"email":"a@x.io"}');

describe('diff', () => {
  it('lists the changes and the times, and exits 1 when the tokens differ', async () => {
    const { code, out, err } = await run(['diff', ...NOW, A, B]);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toBe(
      [
        '~ header.kid: "k1" → "k2"',
        '~ payload.scope: +"admin" -"read" (compared as a set)',
        '~ payload.exp: 1700000900 → 1700003600',
        '- payload.name: "Ada"',
        '+ payload.email: "a@x.io"',
        '',
        'Times',
        '  issued     2023-11-14T22:13:20.000Z → 2023-11-14T22:13:20.000Z  same',
        '  expires    2023-11-14T22:28:20.000Z → 2023-11-14T23:13:20.000Z  45 minutes later',
        '  lifetime   15 minutes → 1 hour',
        '',
        'The tokens differ: 5 changes.',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when the tokens say the same, whatever the member order or signature', async () => {
    const a = jws('{"alg":"HS256"}', '{"a":1,"roles":["x","y"]}', 'c2ln');
    const b = jws('{"alg":"HS256"}', '{"roles":["y","x"],"a":1.0}', 'b3RoZXI');
    const { code, out } = await run(['diff', a, b]);
    expect(code).toBe(0);
    expect(out).toBe('The tokens say the same (header and claims; signatures are not compared).\n');
    expect((await run(['diff', '-q', A, B])).out).toBe('');
  });

  it('prints the contract JSON shape with --json, digits kept', async () => {
    const a = jws('{"alg":"HS256"}', '{"id":12345678901234567890,"scope":"read","iat":1700000000}');
    const b = jws('{"alg":"HS256"}', '{"id":12345678901234567891,"scope":"read write","iat":1700000060}');
    const { code, out } = await run(['diff', '--json', a, b]);
    expect(code).toBe(1);
    expect(out).toContain('"before": 12345678901234567890');
    const doc = JSON.parse(out);
    expect(doc.same).toBe(false);
    expect(doc.changes).toEqual([
      { path: 'payload.id', kind: 'changed', before: 12345678901234567890, after: 12345678901234567891 },
      { path: 'payload.scope', kind: 'changed', before: 'read', after: 'read write', added: ['write'], removed: [] },
      { path: 'payload.iat', kind: 'changed', before: 1700000000, after: 1700000060 },
    ]);
    expect(doc.times).toEqual({
      iat: { before: 1700000000, after: 1700000060, delta: 60 },
      nbf: { before: null, after: null, delta: null },
      exp: { before: null, after: null, delta: null },
      lifetime: { before: null, after: null, delta: null },
    });
  });

  it('reads tokens from stdin, files and text holding them, with --pick', async () => {
    const files = { 'a.jwt': `${A}\n`, 'resp.json': JSON.stringify({ access_token: A, id_token: B }) };
    expect((await run(['diff', 'a.jwt', '-'], { files, stdin: `Authorization: Bearer ${A}`, stdinIsTTY: false })).code).toBe(0);
    expect((await run(['diff', '--pick', 'id_token', 'resp.json', B], { files })).code).toBe(0);
    const noted = await run(['diff', 'resp.json', A], { files });
    expect(noted.code).toBe(0);
    expect(noted.err).toContain('2 tokens');
  });

  it('leaves out --ignore paths', async () => {
    const { code, out } = await run(['diff', '--ignore', 'header.kid', '--ignore', 'scope', '--ignore', 'exp', '--ignore', 'name', '--ignore', 'email', A, B]);
    expect(code).toBe(0);
    expect(out).toContain('The tokens say the same');
    expect(out).toContain('expires');
  });

  it('escapes terminal controls in paths and values', async () => {
    const a = jws({ alg: 'HS256' }, { 'k\u001b[2J': 'v\u202e' });
    const { out } = await run(['diff', a, jws({ alg: 'HS256' }, {})]);
    expect(out).not.toMatch(/[\u001b\u202e]/);
    expect(out).toContain('\\u001b');
  });

  it.each([
    [['diff', '-', '-'], 2, 'only one of the two tokens can come from stdin'],
    [['diff', A], 2, "missing required argument 'b'"],
    [['diff', '--ignore', 'a[', A, B], 2, '--ignore a['],
    [['diff', A, 'no-such-file.jwt'], 3, 'no-such-file.jwt: neither a readable file (cannot read no-such-file.jwt) nor a token (a compact token has 3 parts'],
    [['diff', A, 'just words'], 3, 'just words: neither a readable file (cannot read just words) nor a token (no JWT found'],
  ])('%j exits %i', async (argv, code, message) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });
});
