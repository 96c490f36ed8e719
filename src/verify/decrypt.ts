import { compactDecrypt } from 'jose/jwe/compact/decrypt';
import { JOSEError } from 'jose/errors';
import { JWE_ALGORITHMS } from '../jose/algorithms.js';
import type { DecryptKey } from '../keys/decrypt-key.js';
import { decodeToken, type DecodedToken } from '../token/decode.js';
import { stringMember, type JsonObject } from '../token/json.js';
import { decodeJsonPart, type JsonPart } from '../token/part.js';
import { metadataMismatch } from './algorithms.js';
import type { VerificationError } from './result.js';

/**
 * Shared-secret key management (RFC 7518 §4.4, §4.5, §4.7, §4.8): only a holder of
 * the secret can make such a JWE, so decrypting it authenticates the sender.
 * With RSA-OAEP or ECDH-ES anyone holding the public key can encrypt.
 */
const SECRET_ALGORITHMS: readonly string[] = Object.values(JWE_ALGORITHMS)
  .filter((spec) => spec.secret)
  .map((spec) => spec.alg);

export type Decrypted =
  | { readonly kind: 'failed'; readonly error: VerificationError }
  /** A nested JWT (RFC 7519 §5.2): the inner token still needs its own signature check. */
  | { readonly kind: 'nested'; readonly token: DecodedToken }
  | {
      readonly kind: 'plaintext';
      readonly plaintext: Uint8Array;
      readonly part: JsonPart;
      /** The decrypted claims, when the plaintext is a JSON object. */
      readonly claims: JsonObject | null;
      /** Shared-secret key management: only a holder of the secret could have made it. */
      readonly authenticated: boolean;
    };

/** A JWE that decrypted. */
export type Opened = Exclude<Decrypted, { readonly kind: 'failed' }>;

function nested(text: string | null): DecodedToken | null {
  if (text === null) return null;
  try {
    const token = decodeToken(text.trim());
    return token.kind === 'JWE' ? null : token;
  } catch {
    return null;
  }
}

/**
 * Decrypt a compact JWE. jose's defaults stay in force: the cap on PBES2
 * iterations (a huge `p2c` would keep the CPU busy for hours) and on the
 * decompressed size for `zip: DEF` (a small token could inflate to gigabytes).
 */
export async function decryptToken(token: DecodedToken, key: DecryptKey): Promise<Decrypted> {
  const alg = stringMember(token.header, 'alg') ?? '';
  // A direct key is the content key, so its own alg names the content encryption (RFC 7520 §5.6).
  const direct = alg === 'dir' && key.alg !== null && key.alg === stringMember(token.header, 'enc');
  const refused = metadataMismatch(direct ? { ...key, alg: null } : key, alg, 'enc');
  if (refused !== null)
    return { kind: 'failed', error: { code: 'ERR_JWE_DECRYPTION_FAILED', message: `decryption refused: ${refused} (with ${key.origin})`, claim: null } };
  let plaintext: Uint8Array;
  try {
    const options = key.type === 'secret' ? { keyManagementAlgorithms: [...SECRET_ALGORITHMS] } : {};
    ({ plaintext } = await compactDecrypt(token.compact, key.type === 'secret' ? key.bytes : key.jwk, options));
  } catch (error) {
    if (!(error instanceof JOSEError)) throw error;
    return { kind: 'failed', error: { code: error.code, message: `${error.message} (with ${key.origin})`, claim: null } };
  }
  const part = decodeJsonPart(plaintext);
  const inner = nested(part.text);
  if (inner !== null) return { kind: 'nested', token: inner };
  const claims = part.json?.type === 'object' ? part.json : null;
  return { kind: 'plaintext', plaintext, part, claims, authenticated: SECRET_ALGORITHMS.includes(alg) };
}
