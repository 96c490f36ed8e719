import { createECDH, createHmac, createPrivateKey, createPublicKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CompactEncrypt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';

/*
 * Project Wycheproof's JSON Web Crypto vectors (test/fixtures/wycheproof/NOTICE.md)
 * through `verify`, in-process. Where we part from a vector on purpose, the
 * vector is listed with the reason in wycheproof-differences.json.
 */

type Verdict = 'valid' | 'invalid';
type Jwk = Readonly<Record<string, unknown>>;

interface Vector {
  readonly tcId: number;
  readonly comment: string;
  readonly flags: readonly string[];
  readonly result: Verdict | 'acceptable';
  /** Compact, or an object for the JSON serialization. */
  readonly jws?: string | object;
  readonly jwe?: string | object;
  /** The plaintext of a JWE, in hex. */
  readonly pt?: string;
}

interface Group {
  readonly comment: string;
  /** A JWK, or a JWKS (`keys`). */
  readonly public?: Jwk;
  readonly private?: Jwk;
  readonly tests: readonly Vector[];
}

interface Difference {
  readonly file: string;
  readonly tcId: number;
  readonly ours: Verdict;
  readonly reason: string;
}

interface VerifyJson {
  readonly signature: { readonly verified: boolean } | null;
  readonly inner: { readonly payloadText?: string; readonly payloadBase64url?: string } | null;
  readonly findings: readonly { readonly id: string }[];
  readonly verification: {
    readonly errors: readonly { readonly code: string; readonly message: string; readonly claim: string | null }[];
    readonly warnings: readonly { readonly code: string }[];
  };
}

interface Run {
  readonly code: number;
  /** The JSON report, for exit 0 and 1. */
  readonly doc: VerifyJson | null;
  readonly err: string;
}

const FILES = ['json_web_signature_test.json', 'json_web_crypto_test.json', 'json_web_key_test.json', 'json_web_encryption_test.json'] as const;
type File = (typeof FILES)[number];

const read = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const GROUPS = new Map(FILES.map((file) => [file, (read(new URL(`../fixtures/wycheproof/${file}`, import.meta.url)) as { testGroups: Group[] }).testGroups]));
const DIFFERENCES = read(new URL('./wycheproof-differences.json', import.meta.url)) as Difference[];
const LISTED = new Map(DIFFERENCES.map((d) => [`${d.file}#${d.tcId}`, d]));

/** A fixed clock: no vector's verdict may depend on the day the tests run. */
const NOW = '2030-01-01T00:00:00Z';
const NOW_SECONDS = Date.parse(NOW) / 1000;

const tokenOf = (v: Vector): string => {
  const token = v.jws ?? v.jwe!;
  // The JSON serialization goes in as its text: verify must find no compact token in it.
  return typeof token === 'string' ? token : JSON.stringify(token);
};
const isJwe = (v: Vector): boolean => v.jwe !== undefined;
const isSet = (key: Jwk): boolean => Array.isArray(key['keys']);

/** `verify --json` at NOW; `--` keeps a token that starts with `-` from reading as an option. */
async function verify(token: string, args: readonly string[], files: Record<string, string>): Promise<Run> {
  const io = fakeIo({ files });
  const code = await main(['verify', '--json', '--now', NOW, ...args, '--', token], io);
  return { code, doc: code === 0 || code === 1 ? (JSON.parse(io.out()) as VerifyJson) : null, err: io.err() };
}

/** A JWS is checked with the public key (an HMAC key has only the private one); a JWE is opened with the private key. */
function keyArgs(key: Jwk, jwe: boolean): { args: string[]; files: Record<string, string> } {
  const option = jwe ? '--decrypt-key' : isSet(key) ? '--jwks' : '--key';
  return { args: [option, 'key.json'], files: { 'key.json': JSON.stringify(key) } };
}

const vectorKey = (group: Group, vector: Vector): Jwk => (isJwe(vector) ? group.private! : (group.public ?? group.private!));

function runVector(group: Group, vector: Vector): Promise<Run> {
  const { args, files } = keyArgs(vectorKey(group, vector), isJwe(vector));
  return verify(tokenOf(vector), args, files);
}

/** What a JWE decrypted to, as the report shows it; null when it did not decrypt. */
function plaintextOf(doc: VerifyJson): Buffer | null {
  if (doc.inner?.payloadText !== undefined) return Buffer.from(doc.inner.payloadText);
  if (doc.inner?.payloadBase64url !== undefined) return Buffer.from(doc.inner.payloadBase64url, 'base64url');
  return null;
}

/** What verify says of a payload that is not a JSON object (RFC 7519 §7.2 step 10). */
const NOT_A_JWT = 'JWT Claims Set must be a top-level JSON object';

/**
 * Our verdict on what the vector tests, and why. The vectors' payloads are
 * not JWTs ("foo"), and verify says so whenever it gets as far as reading
 * them; then the signature or the decryption is judged alone: it failed on
 * an error on no claim other than ERR_JWT_INVALID (not a JWT, or a JWE whose
 * key management cannot vouch for its sender), on a signature not verified,
 * or on a JWE that did not decrypt to the vector's plaintext. Otherwise the
 * exit code is the verdict.
 */
function judge(run: Run, vector: Vector): { verdict: Verdict; why: string } {
  if (run.doc === null) return { verdict: 'invalid', why: `exit ${run.code}: ${run.err.trim()}` };
  const errors = run.doc.verification.errors;
  const why = `exit ${run.code}${errors.map((e, i) => `${i === 0 ? ': ' : '; '}${e.code} ${e.message}`).join('')}`;
  const judged = (valid: boolean, more = '') => ({ verdict: valid ? ('valid' as const) : ('invalid' as const), why: `${why}${more}` });
  if (!errors.some((e) => e.code === 'ERR_JWT_INVALID' && e.message === NOT_A_JWT)) return judged(run.code === 0);
  if (errors.some((e) => e.claim === null && e.code !== 'ERR_JWT_INVALID')) return judged(false);
  if (!isJwe(vector)) return judged(run.doc.signature?.verified === true);
  const plaintext = plaintextOf(run.doc);
  if (plaintext === null) return judged(false, '; nothing decrypted');
  return judged(vector.pt === undefined || plaintext.equals(Buffer.from(vector.pt, 'hex')), `; decrypted to ${plaintext.toString('hex')}`);
}

/** Exit 0 and 1 are verdicts, 3 a token or key refused; anything else (usage, network, a crash) is wrong for any vector. */
const SANE_EXITS = [0, 1, 3];

const named = (file: string, v: Vector) => `${file} tcId ${v.tcId} (${v.comment}${v.flags.length > 0 ? `; ${v.flags.join(', ')}` : ''})`;

const tcIds = (group: Group) => `tcId ${group.tests[0]!.tcId}${group.tests.length > 1 ? `-${group.tests.at(-1)!.tcId}` : ''}`;

function groupTitle(group: Group, index: number): string {
  const acceptable = group.tests.filter((v) => v.result === 'acceptable').map((v) => v.tcId);
  return `group ${index} ${group.comment}: ${tcIds(group)}${acceptable.length > 0 ? ` (acceptable, recorded only: ${acceptable.join(', ')})` : ''}`;
}

describe.each(FILES)('Wycheproof %s through verify', (file) => {
  const groups = GROUPS.get(file)!;
  it.for(groups.map((group, index) => [groupTitle(group, index), group] as const))('%s', async ([, group], { annotate }) => {
    const wrong: string[] = [];
    for (const vector of group.tests) {
      const run = await runVector(group, vector);
      const { verdict, why } = judge(run, vector);
      const listed = LISTED.get(`${file}#${vector.tcId}`);
      const expected = listed?.ours ?? vector.result;
      if (!SANE_EXITS.includes(run.code)) wrong.push(`${named(file, vector)}: ${why}`);
      else if (expected === 'acceptable') await annotate(`${named(file, vector)} is acceptable; verify says ${verdict} (${why})`);
      else if (verdict !== expected) {
        const says = listed === undefined ? `the vector says ${vector.result}` : `listed in wycheproof-differences.json as ${listed.ours}`;
        wrong.push(`${named(file, vector)}: ${says}, verify says ${verdict} (${why})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

const groupOf = (file: File, tcId: number) => GROUPS.get(file)?.find((g) => g.tests.some((v) => v.tcId === tcId));

describe('wycheproof-differences.json', () => {
  it('names each vector once, with a verdict other than the vector’s and a reason a reviewer can check', () => {
    expect(LISTED.size).toBe(DIFFERENCES.length);
    for (const d of DIFFERENCES) {
      const vector = groupOf(d.file as File, d.tcId)?.tests.find((v) => v.tcId === d.tcId);
      expect(vector, `${d.file} tcId ${d.tcId}`).toBeDefined();
      expect([d.ours, 'acceptable']).not.toContain(vector!.result);
      expect(d.reason.length, `${d.file} tcId ${d.tcId}`).toBeGreaterThan(40);
    }
  });

  // Where we accept what a vector rejects, the reason rests on the report saying so: a finding or a warning.
  it.each([
    ['json_web_signature_test.json', 375, 'non-canonical-base64url'],
    ['json_web_crypto_test.json', 47, 'mixed-key-set'],
    ['json_web_key_test.json', 1, 'mixed-key-set'],
    ['json_web_key_test.json', 10, 'weak-key'],
    ['json_web_key_test.json', 11, 'weak-key'],
    ['json_web_key_test.json', 12, 'weak-key'],
  ] as const)('%s tcId %i is reported with %s', async (file, tcId, said) => {
    const group = groupOf(file, tcId)!;
    const { doc } = await runVector(
      group,
      group.tests.find((v) => v.tcId === tcId)!,
    );
    expect([...doc!.findings.map((f) => f.id), ...doc!.verification.warnings.map((w) => w.code)]).toContain(said);
  });
});

/*
 * The vectors that are invalid for their key or their cipher, made again
 * around a real JWT, so that the claims would pass and only the defect can
 * fail them: the vectors' own payloads are not JWTs, and a verifier could
 * reject those for that alone.
 */

const CLAIMS = { sub: 'wycheproof', iat: NOW_SECONDS - 60, exp: NOW_SECONDS + 3600 };
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
const without = (record: Jwk, names: readonly string[]) => Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));

/** The one key of a JWK, or the one of a JWKS with this kid (the first, when several share it). */
function keyWithKid(key: Jwk, kid: unknown): Jwk {
  return isSet(key) ? (key['keys'] as Jwk[]).find((k) => k['kid'] === kid)! : key;
}

/** The P-256 private key from `d` alone: the vectors break `x`, `y`, `crv` or `kty`, never the private scalar. */
function p256Key(d: string): KeyObject {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(d, 'base64url'));
  const point = ecdh.getPublicKey();
  return createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d, x: b64(point.subarray(1, 33)), y: b64(point.subarray(33)) }, format: 'jwk' });
}

/** RFC 7515 §5.1: sign `header.payload` with the private key, however malformed its JWK (node:crypto: jose refuses some of these keys). */
function signature(alg: string, input: string, jwk: Jwk): Buffer {
  const hash = `sha${alg.slice(2)}`;
  if (alg.startsWith('HS'))
    return createHmac(hash, Buffer.from(jwk['k'] as string, 'base64url'))
      .update(input)
      .digest();
  if (alg.startsWith('RS')) return sign(hash, Buffer.from(input), createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }));
  if (alg === 'ES256') return sign(hash, Buffer.from(input), { key: p256Key(jwk['d'] as string), dsaEncoding: 'ieee-p1363' });
  throw new Error(`no signer for ${alg}`);
}

/** The vector's token with a JWT for its payload, signed again with the group's private key: its header and key stay as the vector has them. */
function rebuiltJws(group: Group, vector: Vector): string {
  const token = tokenOf(vector);
  const { alg, kid } = headerOf(token);
  const input = `${token.split('.')[0]}.${b64(JSON.stringify(CLAIMS))}`;
  return `${input}.${b64(signature(alg as string, input, keyWithKid(group.private!, kid)))}`;
}

const INNER_SECRET = 'a 32-byte-or-longer HS256 secret for the inner JWT';

/** Header members jose makes itself when it encrypts (RFC 7518 §4.6.1.1, §4.7.1). */
const MADE_BY_JOSE = ['epk', 'iv', 'tag'];

/**
 * A JWE with the header members of `like` around an HS256 JWT (`cty: JWT`,
 * RFC 7519 §5.2): signed, so that verify can say VALID whatever the key
 * management, when nothing is wrong with it.
 */
async function encryptedJwt(like: string, key: Jwk): Promise<string> {
  const header = without(headerOf(like), MADE_BY_JOSE);
  const jwt = await new SignJWT(CLAIMS).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from(INNER_SECRET));
  const encryptionKey = key['kty'] === 'oct' ? Buffer.from(key['k'] as string, 'base64url') : createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
  return new CompactEncrypt(Buffer.from(jwt))
    .setProtectedHeader({ ...header, alg: header['alg'] as string, enc: header['enc'] as string, cty: 'JWT' })
    .encrypt(encryptionKey);
}

/**
 * One changed part of a token as an edit that can be made to another:
 * emptied, truncated, extended, or bytes flipped. A flipped byte near the
 * end of its part stays near the end (a tag's last byte, CBC padding), one
 * near the start stays there (the header's JSON begins alike).
 */
function partEdit(from: Buffer, to: Buffer): (mine: Buffer) => Buffer {
  if (from.equals(to)) return (mine) => mine;
  if (to.length === 0) return () => to;
  if (to.length === from.length) {
    return (mine) => {
      const out = Buffer.from(mine);
      for (const [i, byte] of from.entries()) {
        const at = i < from.length / 2 ? i : mine.length - (from.length - i);
        out[at] = out[at]! ^ byte ^ to[i]!;
      }
      return out;
    };
  }
  if (from.subarray(0, to.length).equals(to)) return (mine) => mine.subarray(0, mine.length - (from.length - to.length));
  if (to.subarray(0, from.length).equals(from)) return (mine) => Buffer.concat([mine, to.subarray(from.length)]);
  throw new Error(`no edit turns ${b64(from)} into ${b64(to)}`);
}

/** The edit that turns `valid` into `vector` (one part changed, or dropped with its dot), made to `token`. */
function edited(valid: string, vector: string, token: string): string {
  const from = valid.split('.');
  const to = vector.split('.');
  const mine = token.split('.');
  if (to.length === from.length - 1) {
    const dropped = from.findIndex((_, i) => from.filter((__, j) => j !== i).join('.') === vector);
    return mine.filter((_, i) => i !== dropped).join('.');
  }
  const bytes = (part: string) => Buffer.from(part, 'base64url');
  return mine.map((part, i) => b64(partEdit(bytes(from[i]!), bytes(to[i]!))(bytes(part)))).join('.');
}

const sharedParts = (a: string, b: string) => a.split('.').filter((part) => part !== '' && b.split('.').includes(part)).length;

interface Rebuild {
  readonly file: File;
  readonly group: Group;
  readonly vector: Vector;
  /** For a cipher defect, the valid token of the same key that the vector is an edit of; null for a key defect. */
  readonly valid: Vector | null;
}

/**
 * The vectors to rebuild. Invalid for the key: every vector of its group is
 * invalid, whatever its token. Invalid for the cipher: a JWE that differs
 * from a valid one of the same key in one part. Not rebuilt: RSA1_5, which
 * verify refuses whatever it holds (see the differences) and jose cannot
 * make; the JSON serialization; and an invalid curve point, which only the
 * vector's own bytes carry.
 */
function rebuilds(): Rebuild[] {
  return FILES.flatMap((file) => {
    const groups = GROUPS.get(file)!;
    const validJwes = groups.flatMap((g) => g.tests.filter((v) => isJwe(v) && v.result === 'valid').map((v) => ({ key: g.private, v })));
    return groups.flatMap((group) =>
      group.tests.flatMap((vector): Rebuild[] => {
        if (vector.result !== 'invalid' || typeof (vector.jws ?? vector.jwe) !== 'string') return [];
        const keyDefect = group.tests.every((v) => v.result === 'invalid');
        if (!isJwe(vector)) return keyDefect ? [{ file, group, vector, valid: null }] : [];
        const same = (key: Jwk | undefined) => JSON.stringify(key) === JSON.stringify(group.private);
        const valid = validJwes.find((c) => same(c.key) && sharedParts(tokenOf(c.v), tokenOf(vector)) >= 4)?.v ?? null;
        const like = valid ?? (keyDefect ? vector : null);
        return like === null || headerOf(tokenOf(like))['alg'] === 'RSA1_5' ? [] : [{ file, group, vector, valid }];
      }),
    );
  });
}

/** What a JWK says of its own use (RFC 7517 §4.2 to §4.4): without it, a key is fit for anything its type allows. */
const KEY_METADATA = ['alg', 'use', 'key_ops'];

/** verify with the JWE's key, and `--secret` for the JWT inside it. */
function verifyJwe(token: string, key: Jwk): Promise<Run> {
  const { args, files } = keyArgs(key, true);
  return verify(token, [...args, '--secret', INNER_SECRET], files);
}

describe('the invalid key and cipher vectors, rebuilt around a real JWT', () => {
  /*
   * The verdict on the rebuilt JWT is ours on the vector, reached the same
   * way: exit 1 where the key loads but may not be used (its alg, use or
   * key_ops, its size, exponent or ROCA modulus, a kid it shares) or a tag,
   * IV, key or ciphertext fails; exit 3 where the token or the key cannot be
   * read at all (a part or the header missing, an empty `k`, a point off its
   * curve, a `crv` or `kty` that does not fit the coordinates).
   */
  it.for(rebuilds().map((r) => [named(r.file, r.vector), r] as const))('%s', async ([, { file, group, vector, valid }]) => {
    const original = await runVector(group, vector);
    const expected = LISTED.get(`${file}#${vector.tcId}`)?.ours === 'valid' ? 0 : original.code;
    let run: Run;
    if (isJwe(vector)) {
      const key = group.private!;
      const clean = await encryptedJwt(tokenOf(valid ?? vector), key);
      // The same JWT passes once the defect is taken away: the token unedited, or the key without the metadata that forbids this use.
      expect((await verifyJwe(clean, valid === null ? without(key, KEY_METADATA) : key)).code).toBe(0);
      const token = valid === null ? clean : edited(tokenOf(valid), tokenOf(vector), clean);
      if (valid !== null) expect(token).not.toBe(clean);
      run = await verifyJwe(token, key);
    } else {
      const { args, files } = keyArgs(vectorKey(group, vector), false);
      run = await verify(rebuiltJws(group, vector), args, files);
    }
    expect(run.code, `${run.err}${JSON.stringify(run.doc?.verification.errors ?? [])}`).toBe(expected);
    // The claims are good and the JWT signed right: a failure must be the key's, or the edit's.
    const misplaced = (run.doc?.verification.errors ?? []).filter((e) => e.claim !== null || e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(misplaced).toEqual([]);
  });
});
