import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/rule.js';
import { inspectJwks } from '../../src/jwks/inspect.js';
import { failOnSummary, findingBlock, findingHeading, findingWhere } from '../../src/render/findings-text.js';
import { loadTheme, PLAIN_THEME } from '../../src/render/theme.js';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;
/** A JWS really signed with this HMAC secret (HS256). */
function hs256(payload: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const NOW = 1_700_000_000;
const visible = (s: string): string => s.replaceAll('\u001b', '␛');

function findingsOf(compact: string): readonly Finding[] {
  return buildReport(decodeToken(compact), { token: compact, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now: NOW, leeway: 0 }).findings;
}
function byId(findings: readonly Finding[], id: string, path?: string): Finding {
  const found = findings.find((f) => f.id === id && (path === undefined || f.path === path));
  if (found === undefined) throw new Error(`no finding ${id} ${path ?? ''}`);
  return found;
}

/** A token whose alg, typ and claim names carry ANSI escapes and bidi overrides, and whose claims hold a credential. */
const HOSTILE = jws(
  { alg: '\u001b[2JXS1', typ: 'JWT\u202e' },
  { 'api_key\u001b[31m': 'sk_live_\u202e1234567890abcdef', 'my\u202epassword': 'hunter22', iat: NOW - 60, exp: NOW + 600 },
);
const FINDINGS = findingsOf(HOSTILE);

describe('findingHeading', () => {
  it('is the severity padded to a column, the title and the rule id', () => {
    const signed = findingsOf(hs256({ sub: 'u', password: 'hunter22', iat: NOW - 60, exp: NOW + 600 }, 'a-long-enough-random-secret-0123456789'));
    expect(findingHeading(byId(signed, 'sensitive-credential'), PLAIN_THEME)).toBe('  CRITICAL Credential in the token [sensitive-credential]');
    expect(findingHeading(byId(signed, 'no-audience'), PLAIN_THEME)).toBe('  MEDIUM   No audience, or a wildcard [no-audience]');
    expect(findingHeading(byId(signed, 'no-jti'), PLAIN_THEME)).toBe('  INFO     No jti [no-jti]');
  });

  it('colours the severity (padding included) and dims the id', async () => {
    const theme = await loadTheme(1);
    expect(visible(findingHeading(byId(FINDINGS, 'no-audience'), theme))).toBe('  ␛[33mMEDIUM  ␛[39m No audience, or a wildcard ␛[2m[no-audience]␛[22m');
  });
});

describe('findingWhere', () => {
  it('is the path and the evidence, with the masked value of a sensitive claim', () => {
    const signed = findingsOf(hs256({ sub: 'u', password: 'hunter22', iat: NOW - 60, exp: NOW + 600 }, 'a-long-enough-random-secret-0123456789'));
    expect(findingWhere(byId(signed, 'sensitive-credential'))).toBe('payload.password: h******2 (8 chars)');
    expect(findingWhere(byId(signed, 'no-audience'))).toBe('payload.aud');
  });

  it('escapes ANSI escapes and bidi overrides from the token in the path and the evidence', () => {
    expect(findingWhere(byId(FINDINGS, 'alg-unknown'))).toBe(String.raw`header.alg: \u001b[2JXS1`);
    expect(findingWhere(byId(FINDINGS, 'typ-missing'))).toBe(String.raw`header.typ: JWT\u202e`);
    expect(FINDINGS.filter((f) => f.id === 'sensitive-credential').map((f) => findingWhere(f))).toEqual([
      String.raw`payload["api_key\u001b[31m"]: s************f (25 chars)`,
      String.raw`payload["my\u202epassword"]: h******2 (8 chars)`,
    ]);
  });

  it('names what the path points at beside it, and is empty with neither path nor evidence', async () => {
    const jwks = await inspectJwks([{ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', kid: 'k1' }], 'set.json', NOW);
    const privateKey = byId(jwks.findings, 'jwks-private-key');
    expect(findingWhere(privateKey, 'kid "k1"')).toBe('keys[0] (kid "k1"): k (a shared HMAC secret)');
    // What is said about the path is escaped too.
    expect(findingWhere(privateKey, 'kid k\u001b[1m')).toBe(String.raw`keys[0] (kid k\u001b[1m): k (a shared HMAC secret)`);
    expect(findingWhere({ ...privateKey, path: null, evidence: null }, 'ignored without a path')).toBe('');
  });
});

describe('findingBlock', () => {
  it('is the heading, where, the note and one line of advice, each escaped', () => {
    expect(findingBlock(byId(FINDINGS, 'alg-unknown'), PLAIN_THEME)).toEqual([
      '  MEDIUM   alg missing, not a string or unknown [alg-unknown]',
      String.raw`           header.alg: \u001b[2JXS1`,
      '           not in the JWS algorithm registry',
      '           → alg is REQUIRED (RFC 7515 §4.1.1); verifiers must allowlist algorithms, never trust the header (RFC 8725 §3.1).',
    ]);
  });

  it('leaves out the lines of a finding with no path, evidence or note', () => {
    const bare: Finding = { ...byId(FINDINGS, 'no-jti'), path: null };
    expect(findingBlock(bare, PLAIN_THEME)).toEqual([
      '  INFO     No jti [no-jti]',
      '           → Without jti there is no handle to revoke or detect the replay of one token (RFC 9068 §2.2).',
    ]);
  });

  it('dims the note and the advice when colour is on', async () => {
    const theme = await loadTheme(1);
    expect(findingBlock(byId(FINDINGS, 'weak-issuer'), theme).map(visible)).toEqual([
      '  ␛[36mLOW     ␛[39m No issuer, or a plain-http issuer ␛[2m[weak-issuer]␛[22m',
      '           payload.iss',
      '           ␛[2mmissing␛[22m',
      '           ␛[2m→ Name the issuer with an https URL and tie verification keys to it (RFC 8725 §3.8).␛[22m',
    ]);
  });
});

describe('failOnSummary', () => {
  // 2 critical, 2 medium, 2 low, 1 info.
  it('counts every severity, then gives the verdict of --fail-on', () => {
    expect(failOnSummary(FINDINGS, PLAIN_THEME, 'high', true)).toBe('2 critical, 0 high, 2 medium, 2 low, 1 info  FAIL: findings at high or above');
    expect(failOnSummary([], PLAIN_THEME, 'high', false)).toBe('0 critical, 0 high, 0 medium, 0 low, 0 info  PASS: nothing at high or above');
    expect(failOnSummary(FINDINGS, PLAIN_THEME, 'none', false)).toBe('2 critical, 0 high, 2 medium, 2 low, 1 info  (--fail-on none)');
  });

  it('colours the verdict', async () => {
    const theme = await loadTheme(1);
    expect(visible(failOnSummary(FINDINGS, theme, 'medium', true))).toBe(
      '2 critical, 0 high, 2 medium, 2 low, 1 info  ␛[1m␛[31mFAIL: findings at medium or above␛[39m␛[22m',
    );
    expect(visible(failOnSummary([], theme, 'low', false))).toBe(
      '0 critical, 0 high, 0 medium, 0 low, 0 info  ␛[1m␛[32mPASS: nothing at low or above␛[39m␛[22m',
    );
    expect(visible(failOnSummary([], theme, 'none', false))).toBe('0 critical, 0 high, 0 medium, 0 low, 0 info  ␛[2m(--fail-on none)␛[22m');
  });
});
