import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { InspectError } from '../../src/errors.js';
import { decodeToken } from '../../src/token/decode.js';
import { decodeSegment } from '../../src/token/segment.js';
import { jws, JWT_IO } from '../helpers/tokens.js';

describe('decodeSegment', () => {
  it.each([
    ['eyJhIjoxfQ', false, false],
    ['eyJhIjoxfQ==', true, true],
    ['ab+/', true, true],
    ['QQ', false, false],
    ['QR', false, true],
  ])('%s: illegal %s, non-canonical %s', (raw, illegal, nonCanonical) => {
    const s = decodeSegment(raw);
    expect([s.illegal, s.nonCanonical]).toEqual([illegal, nonCanonical]);
  });

  it('spots non-zero spare bits: two encodings of the same bytes', () => {
    expect(decodeSegment('QQ').bytes).toEqual(decodeSegment('QR').bytes);
  });

  it('gives null bytes for a length that cannot be base64', () => {
    expect(decodeSegment('abcde').bytes).toBeNull();
  });
});

describe('decodeToken', () => {
  it('decodes the jwt.io token', () => {
    const t = decodeToken(JWT_IO);
    expect(t.kind).toBe('JWS');
    expect(t.alg).toBe('HS256');
    expect(t.signature?.byteLength).toBe(32);
    expect(t.claims?.entries.map(([k]) => k)).toEqual(['sub', 'name', 'iat']);
  });

  it.each([
    ['a.b', /has 2/],
    ['a.b.c.d', /has 4/],
    ['.e30.', /header \(first part\) is empty/],
    ['e30x.e30.', /not a JSON object/],
    [jws([1], {}, ''), /not a JSON object \(a JSON array\)/],
    ['!!!.e30.', /not base64url/],
  ])('refuses %s', (text, message) => {
    expect(() => decodeToken(text)).toThrow(message);
  });

  it('keeps a payload that is not JSON as text, and invalid UTF-8 as bytes', () => {
    expect(decodeToken(jws('{"alg":"HS256"}', 'plain')).payloadPart?.text).toBe('plain');
    const bin = decodeToken(jws({}, Uint8Array.of(0xc3, 0x28), ''));
    expect(bin.payloadPart?.text).toBeNull();
    expect(bin.claims).toBeNull();
  });

  it('notes a byte-order mark and duplicate names', () => {
    const t = decodeToken(jws('\ufeff{"alg":"HS256","alg":"none"}', '{}'));
    expect(t.headerPart.bom).toBe(true);
    expect(t.headerPart.duplicates).toEqual(['alg']);
    expect(t.alg).toBe('none');
  });

  it('property: any input decodes or fails with an InspectError, never anything else', () => {
    const part = fc.oneof(
      fc.string(),
      fc.json().map((j) => Buffer.from(j).toString('base64url')),
      fc.uint8Array().map((b) => Buffer.from(b).toString('base64url')),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        try {
          decodeToken(parts.join('.'));
        } catch (error) {
          expect(error).toBeInstanceOf(InspectError);
        }
      }),
      fuzzSettings(1000),
    );
  });
});
