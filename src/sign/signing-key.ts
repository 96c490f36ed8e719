import { Buffer } from 'node:buffer';
import { createPrivateKey, type JsonWebKeyInput } from 'node:crypto';
import { isRecord, octSecret, stringOrNull, type JsonRecord } from '../keys/jwk.js';
import { keyDocumentOf } from '../keys/key-file.js';
import { badKey, cryptoReason } from '../keys/key-errors.js';
import { pemBlocks, PRIVATE_KEY_LABELS } from '../keys/pem.js';
import { privateKeyKind, type SigningKey } from './algorithms.js';

/** PKCS#8 `PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY` or SEC1 `EC PRIVATE KEY`. */
function keyFromPem(pem: string, origin: string): SigningKey {
  const blocks = pemBlocks(pem);
  const block = blocks.find((b) => PRIVATE_KEY_LABELS.has(b.label));
  if (block === undefined) {
    if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) {
      throw badKey(origin, 'the private key is encrypted; decrypt it first (openssl pkey -in key.pem -out plain.pem)');
    }
    const found = blocks.map((b) => b.label).join(', ') || 'no complete PEM block';
    throw badKey(origin, `sign needs a private key, and this file holds ${found}`);
  }
  let key;
  try {
    key = createPrivateKey(block.text);
  } catch (cause) {
    throw badKey(origin, `the ${block.label} block cannot be read (${cryptoReason(cause)})`, cause);
  }
  return { type: 'private', key, ...privateKeyKind(key, origin), kid: null, alg: null };
}

function keyFromJwk(jwk: JsonRecord, origin: string): SigningKey {
  const metadata = { kid: stringOrNull(jwk['kid']), alg: stringOrNull(jwk['alg']) };
  if (jwk['kty'] === 'oct') return { type: 'secret', bytes: octSecret(jwk, origin), ...metadata };
  if (jwk['d'] === undefined) throw badKey(origin, 'a public JWK (no "d"); sign needs the private key');
  let key;
  try {
    key = createPrivateKey({ key: jwk, format: 'jwk' } as JsonWebKeyInput);
  } catch (cause) {
    throw badKey(origin, `the JWK is not a valid private key (${cryptoReason(cause)})`, cause);
  }
  return { type: 'private', key, ...privateKeyKind(key, origin), ...metadata };
}

/** One JWK of a JWKS: the one with `--kid`, or the only one. */
function keyFromJwks(keys: readonly unknown[], origin: string, kid: string | undefined): SigningKey {
  const jwks = keys.filter(isRecord);
  const chosen = kid === undefined ? (jwks.length === 1 ? jwks[0] : undefined) : jwks.find((k) => k['kid'] === kid);
  if (chosen === undefined) {
    const kids = jwks.map((k) => stringOrNull(k['kid']) ?? '(no kid)').join(', ');
    const why = kid === undefined ? `holds ${jwks.length} keys; choose one with --kid` : `has no key with kid ${JSON.stringify(kid)}`;
    throw badKey(origin, `the JWKS ${why} (kids: ${kids || 'none'})`);
  }
  return keyFromJwk(chosen, origin);
}

/**
 * The key in a file given to `sign --key`: a PEM private key, a private JWK
 * (an `oct` JWK is a secret), or a JWKS with `kid` choosing among its keys.
 */
export function signingKeyFromFile(bytes: Uint8Array, origin: string, kid: string | undefined): SigningKey {
  const content = Buffer.from(bytes).toString('utf8');
  const found = keyDocumentOf(
    content,
    origin,
    'neither PEM nor JSON; give a PEM private key, a private JWK or a JWKS (convert DER with openssl pkey -inform der)',
  );
  if (found.kind === 'pem') return keyFromPem(content, origin);
  return found.kind === 'jwks' ? keyFromJwks(found.keys, origin, kid) : keyFromJwk(found.jwk, origin);
}
