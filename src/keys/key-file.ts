import { hasPrivateMembers, isRecord, keyFromJwk, keySetFromJwks } from './jwk.js';
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

/**
 * The keys in a file given to `--key` or `--jwks`: PEM (public key, private
 * key, RSA public key, certificate), one JWK, or a JWKS.
 */
export async function keySetFromFile(bytes: Uint8Array, source: KeySourceKind, origin: string): Promise<KeySet> {
  const text = keyText(bytes, origin);
  if (looksLikePem(text)) return keySetFromPem(text, source, origin);
  const doc = parseKeyJson(text, origin, 'neither PEM nor valid JSON; give a PEM key or certificate, a JWK or a JWKS');
  if (isRecord(doc) && Array.isArray(doc['keys'])) return { ...(await keySetFromJwks(doc, source, origin, (message) => badKey(origin, message))), document: text };
  if (isRecord(doc) && typeof doc['kty'] === 'string') {
    const notes = hasPrivateMembers(doc) ? [`${origin} is a private JWK; only its public half is used. Verifying needs the public key alone.`] : [];
    return singleKeySet(source, origin, await keyFromJwk(doc, origin), { notes, document: text });
  }
  throw badKey(origin, 'JSON, but neither a JWK (no "kty") nor a JWKS (no "keys" array)');
}
