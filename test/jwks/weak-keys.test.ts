import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { keyPath, keyText } from '../verify/helpers/fixtures.js';

interface JsonFinding {
  readonly id: string;
  readonly severity: string;
  readonly path: string | null;
  readonly evidence: string | null;
  readonly note: string | null;
}

const jwkOf = (pem: string) => createPublicKey(pem).export({ format: 'jwk' }) as { n: string; e: string };
const SOUND_N = jwkOf(keyText('rsa.pub.pem')).n;
const SHORT_N = jwkOf(keyText('rsa1024.pub.pem')).n;
// crocs-muni/roca, roca/tests/data/mod03.txt: a 2048-bit positive sample of the ROCA authors' detection tool (CVE-2017-15361).
const ROCA_N = Buffer.from(
  '9dcd7420e420c270a68060eb8b5aa7457a9f6648f86fafed2775cc1f79ae962f1e63f1b9e51c55f9ea6fdc7332e9b0058c9ff2eb1fc89855029cf6aafe21e6' +
    '89feb38ac9ffb12f1ce371bb5d0e9aae64161abce74b4244bf68f1edb4411f756a097c8929c14740245ea355f8332d1aa36bb50c7dcb4505da8de02e4e53d38f' +
    '8df06097da7524df0df93db48eac8cc4af2d3a16257eb2b2adca6ba464e5974fa92550d31b1babf161e7692d00b86e3dd886ecab4abfbe1a8f8cc263ff4af55c' +
    'db45f4249a5193925f5e983d762f0b6800943eb0267b08f42ed311ce1f5c86eacbc8ce4d3cb7a2fee1ef5641423a1cf4114e5ecf50034a60a412523af9e6f4aa11',
  'hex',
).toString('base64url');

const rsa = (kid: string, n: string, e: string) => ({ kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' });
const oct = { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg', kid: 'hmac', alg: 'HS256', use: 'sig' };

async function jwks(doc: unknown, json = true) {
  const io = fakeIo({ files: { 'set.json': JSON.stringify(doc) } });
  const code = await main(['jwks', ...(json ? ['--json'] : []), 'set.json'], io);
  return { code, out: io.out() };
}

async function findings(doc: unknown): Promise<JsonFinding[]> {
  return (JSON.parse((await jwks(doc)).out) as { findings: JsonFinding[] }).findings;
}

const broken = (fs: readonly JsonFinding[]) => fs.filter((f) => f.id === 'jwks-broken-rsa-key');

describe('jwks: broken RSA keys', () => {
  it.each([
    ['e = 1', 'AQ', SOUND_N, /^its public exponent is 1, so anyone can forge a signature/],
    ['an even e', 'AQAA', SOUND_N, /^its public exponent 65536 is even/],
    ['e = 2', 'Ag', SOUND_N, /^its public exponent 2 is even/],
    ['a ROCA modulus', 'AQAB', ROCA_N, /ROCA fingerprint .*CVE-2017-15361/],
  ])('flags a key with %s as critical, and fails', async (_, e, n, evidence) => {
    const doc = { keys: [rsa('good', SOUND_N, 'AQAB'), rsa('bad', n, e)] };
    const found = await findings(doc);
    expect(broken(found)).toEqual([expect.objectContaining({ severity: 'critical', path: 'keys[1]', evidence: expect.stringMatching(evidence) })]);
    expect(found.filter((f) => f.id !== 'jwks-broken-rsa-key')).toEqual([]);
    expect((await jwks(doc)).code).toBe(1);
  });

  it('names the rule and the key in the text output', async () => {
    const { out } = await jwks({ keys: [rsa('one', SOUND_N, 'AQ')] }, false);
    expect(out).toContain(
      '  CRITICAL Broken RSA key: bad public exponent or ROCA fingerprint [jwks-broken-rsa-key]\n           keys[0] (kid "one"): its public exponent is 1',
    );
  });

  it('reports a short key with e = 1 as both too short and broken', async () => {
    const found = await findings({ keys: [rsa('short', SHORT_N, 'AQ')] });
    expect(found.map((f) => [f.severity, f.id])).toEqual([
      ['critical', 'jwks-broken-rsa-key'],
      ['high', 'jwks-weak-rsa'],
    ]);
  });

  it('finds nothing broken in the fixture set', async () => {
    const io = fakeIo();
    await main(['jwks', '--json', keyPath('jwks.json')], io);
    const found = (JSON.parse(io.out()) as { findings: JsonFinding[] }).findings;
    expect(found.length).toBeGreaterThan(0);
    expect(broken(found)).toEqual([]);
    expect(found.every((f) => f.severity !== 'critical' && f.note === null)).toBe(true);
  });
});

describe('jwks: a shared secret among public keys', () => {
  it('says, on the secret it flags, that verifiers of the set may be led into HMAC with it', async () => {
    const found = await findings({ keys: [rsa('rsa', SOUND_N, 'AQAB'), oct] });
    expect(found).toEqual([
      expect.objectContaining({
        id: 'jwks-private-key',
        severity: 'critical',
        path: 'keys[1]',
        evidence: 'k (a shared HMAC secret)',
        note: 'the set also holds public keys: a verifier that picks its key by kid may be led to check an HMAC token against this secret, which anyone who reads the set knows',
      }),
    ]);
    const { out } = await jwks({ keys: [oct, rsa('rsa', SOUND_N, 'AQAB')] }, false);
    expect(out).toContain('keys[0] (kid "hmac"): k (a shared HMAC secret)\n           the set also holds public keys');
    expect(out).not.toContain(oct.k);
  });

  it('flags a set of secrets alone without that note', async () => {
    const found = await findings({ keys: [oct] });
    expect(found.map((f) => [f.id, f.note])).toEqual([['jwks-private-key', null]]);
  });
});
