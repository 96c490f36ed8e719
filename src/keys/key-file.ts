import { hasPrivateMembers, isRecord, keyFromJwk, keySetFromJwks, type JsonRecord } from './jwk.js';
import { singleKeySet, type KeySet, type KeySourceKind } from './key.js';
import { badKey, parseKeyJson } from './key-errors.js';
import { keySetFromPem, looksLikePem } from './pem.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a key file, which must be UTF-8 (PEM and JSON both are). */
function keyText(bytes: Uint8Array, origin: string): string {
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw badKey(origin, 'not a text file; give the key as PEM, a JWK or a JWKS (convert DER with openssl pkey -inform der)', cause);
  }
}

/** What a key file holds, told apart once for verify and sign: PEM, a JWKS (a `keys` array) or one JWK (a `kty`). */
export type KeyDocument =
  | { readonly kind: 'pem' }
  | { readonly kind: 'jwks'; readonly doc: JsonRecord; readonly keys: readonly unknown[] }
  | { readonly kind: 'jwk'; readonly jwk: JsonRecord };

/** The kind of key document `text` is; `notJson` says what to give instead when it is neither PEM nor JSON. */
export function keyDocumentOf(text: string, origin: string, notJson: string): KeyDocument {
  if (looksLikePem(text)) return { kind: 'pem' };
  const doc = parseKeyJson(text, origin, notJson);
  if (isRecord(doc) && Array.isArray(doc['keys'])) return { kind: 'jwks', doc, keys: doc['keys'] };
  if (isRecord(doc) && typeof doc['kty'] === 'string') return { kind: 'jwk', jwk: doc };
  throw badKey(origin, 'JSON, but neither a JWK (no "kty") nor a JWKS (no "keys" array)');
}

/**
 * The keys in a file given to `--key` or `--jwks`: PEM (public key, private
 * key, RSA public key, certificate), one JWK, or a JWKS.
 */
export async function keySetFromFile(bytes: Uint8Array, source: KeySourceKind, origin: string): Promise<KeySet> {
  const text = keyText(bytes, origin);
  const found = keyDocumentOf(text, origin, 'neither PEM nor valid JSON; give a PEM key or certificate, a JWK or a JWKS');
  if (found.kind === 'pem') return keySetFromPem(text, source, origin);
  if (found.kind === 'jwks') return { ...(await keySetFromJwks(found.doc, source, origin, (message) => badKey(origin, message))), document: text };
  const notes = hasPrivateMembers(found.jwk) ? [`${origin} is a private JWK; only its public half is used. Verifying needs the public key alone.`] : [];
  return singleKeySet(source, origin, await keyFromJwk(found.jwk, origin), { notes, document: text });
}
