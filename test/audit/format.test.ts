import { describe, expect, it } from 'vitest';
import { auditInput } from '../../src/audit/input.js';
import { detectJsonSerialization, detectNotCompact } from '../../src/audit/rules/input.js';
import { jws, part } from '../helpers/tokens.js';
import { hitsOf, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';
import { GHSA_7F9X_HEADER, JWT_IO, JWT_TOOL } from './vectors.js';

describe('not-compact (input rule)', () => {
  it.each([['a.b'], ['a.b.c.d'], ['Bearer a.b'], ['  a.b.c.d.e.f  '], ['.b.c']])('fires on %j', (text) => {
    expect(auditInput(text).map((f) => f.id)).toContain('not-compact');
  });

  it.each([[JWT_IO], [`Bearer ${JWT_IO}`], ['a.b.c.d.e']])('does not fire on a 3- or 5-part token %#', (text) => {
    expect(detectNotCompact(text)).toBeNull();
  });

  it('says how many parts there were', () => {
    expect(detectNotCompact('a.b')).toMatchObject({ evidence: '2 parts' });
  });
});

describe('json-serialization (input rule)', () => {
  const flattened = JSON.stringify({ payload: 'eyJzdWIiOiJhIn0', protected: 'eyJhbGciOiJIUzI1NiJ9', signature: 'c2ln' });

  it('fires on a flattened JWS JSON serialization', () => {
    expect(auditInput(flattened).map((f) => f.id)).toEqual(['json-serialization']);
  });

  it('fires on the general form with signatures', () => {
    expect(detectJsonSerialization(JSON.stringify({ payload: 'x', signatures: [] }))).toEqual({
      evidence: 'members payload and signatures',
      note: 'JWS JSON serialization',
    });
  });

  it.each([[JWT_IO], ['{"access_token":"x"}'], ['{"payload":"x"}'], ['not json']])('does not fire on %j', (text) => {
    expect(detectJsonSerialization(text)).toBeNull();
  });

  it('reports zip in an unprotected JWE header as jwe-invalid-zip', () => {
    const jwe = JSON.stringify({ protected: 'e30', unprotected: { zip: 'DEF' }, recipients: [{ header: { alg: 'dir', zip: 'DEF' } }], ciphertext: 'x' });
    expect(auditInput(jwe).map((f) => [f.id, f.path])).toEqual([
      ['jwe-invalid-zip', 'unprotected.zip'],
      ['jwe-invalid-zip', 'recipients[0].header.zip'],
    ]);
  });

  it('honours --ignore', () => {
    expect(auditInput(flattened, new Set(['json-serialization']))).toEqual([]);
  });
});

describe('illegal-characters', () => {
  it('fires on the GHSA-7f9x-gw85-8grf PoC header ending in =', () => {
    const token = `${GHSA_7F9X_HEADER}.${'A'.repeat(10)}.aXY.Y3Q.dGFn`;
    expect(hitsOf('illegal-characters', token)).toMatchObject([{ path: 'header', evidence: '=' }]);
  });

  it('fires on standard base64 characters in the signature', () => {
    expect(hitsOf('illegal-characters', JWT_IO.replace(/_/g, '/'))).toMatchObject([{ path: 'signature', evidence: '/' }]);
  });

  it('does not fire on the jwt.io token', () => {
    expect(hitsOf('illegal-characters', JWT_IO)).toEqual([]);
  });
});

describe('non-canonical-base64url', () => {
  it('fires on the jwt_tool token with its last character changed (same bytes)', () => {
    expect(hitsOf('non-canonical-base64url', `${JWT_TOOL.slice(0, -1)}x`)).toMatchObject([{ path: 'signature' }]);
  });

  it('does not fire on the original', () => {
    expect(hitsOf('non-canonical-base64url', JWT_TOOL)).toEqual([]);
  });

  it('fires on a JWE part whose length is 4n+1', () => {
    expect(hitsOf('non-canonical-base64url', `${part({ alg: 'dir', enc: 'A256GCM' })}..aXYxx.Y3Q.dGFn`)).toMatchObject([{ path: 'iv' }]);
  });

  it('leaves padded parts to illegal-characters', () => {
    expect(hitsOf('non-canonical-base64url', `${GHSA_7F9X_HEADER}..aXY.Y3Q.dGFn`)).toEqual([]);
  });
});

describe('not-json-object', () => {
  it('fires on payload WyJhIl0 (["a"])', () => {
    expect(hitsOf('not-json-object', `${part(QUIET_HEADER)}.WyJhIl0.c2ln`)).toMatchObject([{ path: 'payload', note: 'a JSON array, not an object' }]);
  });

  it('does not fire on payload e30 ({})', () => {
    expect(hitsOf('not-json-object', `${part(QUIET_HEADER)}.e30.c2ln`)).toEqual([]);
  });

  it('fires on invalid UTF-8 and on a byte-order mark', () => {
    expect(hitsOf('not-json-object', jws(QUIET_HEADER, Uint8Array.of(0x7b, 0xff, 0x7d), 'c2ln'))).toMatchObject([{ note: 'not valid UTF-8' }]);
    expect(hitsOf('not-json-object', jws(`\ufeff${JSON.stringify(QUIET_HEADER)}`, QUIET_CLAIMS))).toMatchObject([{ path: 'header' }]);
  });

  it('leaves the payload of a nested JWT (cty: JWT) alone', () => {
    expect(hitsOf('not-json-object', jws({ ...QUIET_HEADER, cty: 'JWT' }, JWT_IO))).toEqual([]);
  });
});

describe('duplicate-member', () => {
  it('fires on header {"alg":"HS256","alg":"none"}', () => {
    expect(hitsOf('duplicate-member', jws('{"alg":"HS256","alg":"none"}', QUIET_CLAIMS))).toMatchObject([{ path: 'header.alg' }]);
  });

  it('does not fire on the same key in two nested objects', () => {
    expect(hitsOf('duplicate-member', jws(QUIET_HEADER, '{"a":{"k":1},"b":{"k":2}}'))).toEqual([]);
  });

  it('writes the path of a name that is not an identifier with brackets', () => {
    expect(hitsOf('duplicate-member', jws(QUIET_HEADER, '{"x y":1,"x y":2}'))).toMatchObject([{ path: 'payload["x y"]' }]);
  });
});
