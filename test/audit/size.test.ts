import { describe, expect, it } from 'vitest';
import { jws } from '../helpers/tokens.js';
import { hitsOf, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';

/** A quiet token padded with a claim to about `bytes` characters. */
function tokenOfSize(bytes: number): string {
  const base = jws(QUIET_HEADER, { ...QUIET_CLAIMS, pad: '' }).length;
  return jws(QUIET_HEADER, { ...QUIET_CLAIMS, pad: 'x'.repeat(Math.ceil(((bytes - base) * 3) / 4)) });
}

describe('cookie-too-big', () => {
  it('fires medium on a 4,200-byte token, high when it came in a cookie', () => {
    const token = tokenOfSize(4200);
    expect(hitsOf('cookie-too-big', token)).toMatchObject([{ severity: 'medium' }]);
    expect(hitsOf('cookie-too-big', token, { found: { as: 'cookie', name: 'session' } })).toMatchObject([{ severity: 'high' }]);
  });

  it('does not fire on an 800-byte token', () => {
    expect(hitsOf('cookie-too-big', tokenOfSize(800))).toEqual([]);
  });
});

describe('header-too-big', () => {
  it('fires medium on a 9 KB token and high over 16 KiB', () => {
    expect(hitsOf('header-too-big', tokenOfSize(9000))).toMatchObject([{ severity: 'medium' }]);
    expect(hitsOf('header-too-big', tokenOfSize(17000))).toMatchObject([{ severity: 'high' }]);
  });

  it('does not fire on a 2 KB token', () => {
    expect(hitsOf('header-too-big', tokenOfSize(2000))).toEqual([]);
  });
});

describe('large-header', () => {
  it('fires on a header with a 3-certificate x5c', () => {
    const cert = 'MII' + 'A'.repeat(600);
    expect(hitsOf('large-header', jws({ alg: 'RS256', x5c: [cert, cert, cert] }, QUIET_CLAIMS))).toMatchObject([{ severity: 'low' }]);
  });

  it('does not fire on {"alg":"RS256","kid":"k"}', () => {
    expect(hitsOf('large-header', jws({ alg: 'RS256', kid: 'k' }, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('overloaded-payload', () => {
  it('fires on 150 claims', () => {
    const claims = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`c${i}`, i]));
    expect(hitsOf('overloaded-payload', jws(QUIET_HEADER, claims))).toMatchObject([{ evidence: '150 leaf claims' }]);
  });

  it('fires on deep nesting and on a long string', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(hitsOf('overloaded-payload', jws(QUIET_HEADER, { deep }))).toMatchObject([{ evidence: 'nested 11 levels deep' }]);
    expect(hitsOf('overloaded-payload', jws(QUIET_HEADER, { blob: 'b'.repeat(3000) }))).toMatchObject([
      { path: 'payload.blob', evidence: 'a 3000-byte string' },
    ]);
  });

  it('does not fire on 12 claims', () => {
    const claims = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`c${i}`, i]));
    expect(hitsOf('overloaded-payload', jws(QUIET_HEADER, claims))).toEqual([]);
  });
});
