// Every token a test builds by hand: hand-made JWS with placeholder signatures, HMAC-signed tokens, JWE shells.
// Header and payload are given the same way everywhere: a value is written as its JSON, text is taken byte for
// byte (member order, duplicate names, `__proto__`, malformed JSON and all), and bytes are taken as they are.
import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';

/** The base64url of one token part: bytes and text as given (hand-made, malformed or byte-exact parts), any other value as its JSON. */
export function part(value: unknown): string {
  return encode(value instanceof Uint8Array || typeof value === 'string' ? value : JSON.stringify(value));
}

/** 32 bytes: the size of an HS256 signature, or of one half of an ES256 one (not all zero: no psychic signature). `jws` uses it unless told. */
export const SIGNATURE_32 = encode(new Uint8Array(32).fill(7));

/** 9 bytes, the text `signature`: a size no algorithm makes, so `signature-size` fires on it for HS*, ES* and EdDSA. */
export const SIGNATURE_9 = encode('signature');

/** A compact JWS from a header and payload (see `part`) and a signature part, which nothing signed: SIGNATURE_32 unless given ('' for none). */
export function jws(header: unknown, payload: unknown, signature = SIGNATURE_32): string {
  return `${part(header)}.${part(payload)}.${signature}`;
}

export type HmacAlg = 'HS256' | 'HS384' | 'HS512';
const HASH: Record<HmacAlg, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/**
 * A token really signed with this HMAC secret. The header is `{ alg, typ: 'JWT' }` with the members
 * given over it, or, given as text, exactly that text (`alg` then only picks the hash). The payload is
 * given as for `jws`.
 */
export function hmacToken(payload: unknown, secret: string | Uint8Array, alg: HmacAlg = 'HS256', header: object | string = {}): string {
  const input = `${part(typeof header === 'string' ? header : { alg, typ: 'JWT', ...header })}.${part(payload)}`;
  return `${input}.${createHmac(HASH[alg], secret).update(input).digest('base64url')}`;
}

/** A compact JWE with this header (see `part`) and encrypted key part (empty, as `dir` has it, unless given); iv, ciphertext and tag are placeholders. */
export function jwe(header: unknown = { alg: 'dir', enc: 'A256GCM' }, encryptedKey = ''): string {
  return `${part(header)}.${encryptedKey}.aXY.Y3Q.dGFn`;
}

/** The jwt.io sample token, signed with `your-256-bit-secret`. */
export const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
