import { Buffer } from 'node:buffer';
import { InspectError } from '../errors.js';
import { NO_METADATA, type SecretKey } from './key.js';

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Bytes with one trailing newline dropped (`\n` or `\r\n`), as `echo secret > file` leaves it. */
export function dropTrailingNewline(bytes: Uint8Array): Uint8Array {
  let end = bytes.byteLength;
  if (bytes[end - 1] === 0x0a) end--;
  else return bytes;
  if (bytes[end - 1] === 0x0d) end--;
  return bytes.subarray(0, end);
}

/**
 * Base64 or base64url text to bytes, strictly: the secret must decode as a
 * whole or not at all. The message names only where the secret came from.
 */
export function decodeBase64Secret(text: string, origin: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new InspectError('ERR_BAD_KEY', `${origin} is not base64 or base64url; drop --secret-base64 if the secret is plain text`);
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** An HMAC secret from raw bytes (UTF-8 text or decoded base64). */
export function secretKey(bytes: Uint8Array, origin: string): SecretKey {
  if (bytes.byteLength === 0) throw new InspectError('ERR_BAD_KEY', `${origin} is empty; an HMAC secret needs at least one byte`);
  return { type: 'secret', ...NO_METADATA, bytes, description: `${bytes.byteLength * 8}-bit secret` };
}
