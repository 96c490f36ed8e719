import { Buffer } from 'node:buffer';
import { createPrivateKey } from 'node:crypto';
import type { JWK } from 'jose';
import { InspectError } from '../errors.js';
import type { Io } from '../io/io.js';
import { isRecord, metadataOf, octSecret } from './jwk.js';
import { NO_METADATA, type KeyMetadata } from './key.js';
import { badKey, cryptoReason, parseKeyJson } from './key-errors.js';
import { MAX_KEY_BYTES } from './load.js';
import { looksLikePem, pemBlocks } from './pem.js';
import { decodeBase64Secret } from './secret.js';

/** A key that decrypts a JWE: a private key or a shared secret, with what its JWK says of its use. Never printed. */
export type DecryptKey = KeyMetadata &
  ({ readonly type: 'private'; readonly jwk: JWK; readonly origin: string } | { readonly type: 'secret'; readonly bytes: Uint8Array; readonly origin: string });

export type DecryptKeySpec = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'env'; readonly name: string; readonly base64: boolean };

function privateJwk(key: Parameters<typeof createPrivateKey>[0], origin: string, metadata: KeyMetadata = NO_METADATA): DecryptKey {
  try {
    return { type: 'private', ...metadata, jwk: createPrivateKey(key).export({ format: 'jwk' }) as JWK, origin };
  } catch (cause) {
    throw badKey(origin, `not a private key that can decrypt a JWE (${cryptoReason(cause)})`, cause);
  }
}

function fromText(text: string, origin: string): DecryptKey {
  if (looksLikePem(text)) {
    const block = pemBlocks(text).find((b) => b.label.endsWith('PRIVATE KEY'));
    if (block === undefined) throw badKey(origin, 'no private key in it; decrypting needs the private key (a public key only encrypts)');
    if (block.label === 'ENCRYPTED PRIVATE KEY') throw badKey(origin, 'the private key is encrypted; decrypt it first (openssl pkey)');
    return privateJwk(block.text, origin);
  }
  const doc = parseKeyJson(text, origin, 'neither a PEM private key nor a JWK');
  if (!isRecord(doc) || typeof doc['kty'] !== 'string') throw badKey(origin, 'JSON, but not a JWK (no "kty")');
  if (doc['kty'] === 'oct') return { type: 'secret', ...metadataOf(doc), bytes: octSecret(doc, origin), origin };
  if (doc['d'] === undefined) throw badKey(origin, 'a public JWK cannot decrypt; give the private JWK (with "d")');
  return privateJwk({ key: doc as JWK, format: 'jwk' }, origin, metadataOf(doc));
}

/** The key `--decrypt-key <path>` or `--decrypt-secret-env <VAR>` names. */
export async function loadDecryptKey(io: Io, spec: DecryptKeySpec): Promise<DecryptKey> {
  if (spec.kind === 'file') return fromText(new TextDecoder().decode(await io.readFile(spec.path, MAX_KEY_BYTES)), spec.path);
  const origin = `--decrypt-secret-env ${spec.name}`;
  const value = io.env[spec.name];
  if (value === undefined || value === '')
    throw new InspectError('ERR_BAD_KEY', `the environment variable ${spec.name} is not set or empty; export the JWE secret in it`);
  return { type: 'secret', ...NO_METADATA, bytes: spec.base64 ? decodeBase64Secret(value, origin) : Buffer.from(value, 'utf8'), origin };
}
