import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';

/** A compact token from raw header and payload JSON text (kept byte for byte). */
export function tokenFromText(header: string, payload: string, signature = 'c2lnbmF0dXJl'): string {
  return `${encode(header)}.${encode(payload)}.${signature}`;
}

export function token(header: object, payload: object, signature?: string): string {
  return tokenFromText(JSON.stringify(header), JSON.stringify(payload), signature);
}

/** An HS256 token really signed with this secret. */
export function hs256(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  return hs256FromText(JSON.stringify(header), JSON.stringify(payload), secret);
}

/** An HS256 token signed with this secret over raw header and payload text (kept byte for byte, `__proto__` keys and all). */
export function hs256FromText(header: string, payload: string, secret: string): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${encode(createHmac('sha256', secret).update(input).digest())}`;
}

/** The jwt.io sample token, signed with `your-256-bit-secret`. */
export const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
