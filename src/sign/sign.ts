import { CompactSign, type CompactJWSHeaderParameters } from 'jose';
import { InspectError } from '../errors.js';
import { MAX_TOKEN_BYTES } from '../token/decode.js';
import { toPlain, type JsonObject } from '../token/json.js';
import { nodeJsonText } from '../token/json-text.js';
import { encodeSegment } from '../token/segment.js';
import type { SigningKey } from './algorithms.js';

const utf8 = new TextEncoder();

/**
 * Sign a payload whose bytes are written here, so that its members keep
 * their order and its numbers their digits (jose would JSON.stringify an
 * object). A null key makes an unsecured JWT (RFC 7519 §6.1): empty signature.
 */
export async function signToken(header: JsonObject, payload: JsonObject, key: SigningKey | null): Promise<string> {
  const payloadBytes = utf8.encode(nodeJsonText(payload));
  if (key === null) return withinLimit(`${encodeSegment(utf8.encode(nodeJsonText(header)))}.${encodeSegment(payloadBytes)}.`);
  let token: string;
  try {
    token = await new CompactSign(payloadBytes)
      .setProtectedHeader(toPlain(header) as CompactJWSHeaderParameters)
      .sign(key.type === 'secret' ? key.bytes : key.key);
  } catch (cause) {
    // jose's messages name the algorithm and the problem (an RSA key under 2048 bits, a bad crit), never key material.
    throw new InspectError('ERR_BAD_KEY', `cannot sign: ${(cause as Error).message}`, { cause });
  }
  return withinLimit(token);
}

/** decode and verify refuse a token over MAX_TOKEN_BYTES, so sign does not make one. */
function withinLimit(token: string): string {
  if (token.length > MAX_TOKEN_BYTES) {
    throw new InspectError(
      'ERR_INPUT_TOO_LARGE',
      `the token would be ${token.length} bytes; tokens over ${MAX_TOKEN_BYTES} bytes are refused, so make the payload smaller`,
    );
  }
  return token;
}
