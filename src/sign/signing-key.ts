import { createPrivateKey, type JsonWebKeyInput } from 'node:crypto';
import { InspectError } from '../errors.js';
import { isRecord, octSecret } from '../keys/jwk.js';
import { looksLikePem, pemBlocks } from '../keys/pem.js';
import { privateKeyKind, type SigningKey } from './algorithms.js';

type JsonRecord = Readonly<Record<string, unknown>>;

const PRIVATE_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

function badKey(origin: string, message: string, cause?: unknown): InspectError {
  return new InspectError('ERR_BAD_KEY', `${origin}: ${message}`, { cause });
}

/** The first line of a crypto error: it names the problem, never the key material. */
function reason(cause: unknown): string {
  return (cause as Error).message.split('\n')[0] ?? 'unknown error';
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** PKCS#8 `PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY` or SEC1 `EC PRIVATE KEY`: node reads all three. */
function keyFromPem(pem: string, origin: string): SigningKey {
  const blocks = pemBlocks(pem);
  const block = blocks.find((b) => PRIVATE_LABELS.has(b.label));
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
    throw badKey(origin, `the ${block.label} block cannot be read (${reason(cause)})`, cause);
  }
  return { type: 'private', key, ...privateKeyKind(key, origin), kid: null, alg: null };
}

function keyFromJwk(jwk: JsonRecord, origin: string): SigningKey {
  const metadata = { kid: text(jwk['kid']), alg: text(jwk['alg']) };
  if (jwk['kty'] === 'oct') return { type: 'secret', bytes: octSecret(jwk, origin), ...metadata };
  if (jwk['d'] === undefined) throw badKey(origin, 'a public JWK (no "d"); sign needs the private key');
  let key;
  try {
    key = createPrivateKey({ key: jwk, format: 'jwk' } as JsonWebKeyInput);
  } catch (cause) {
    throw badKey(origin, `the JWK is not a valid private key (${reason(cause)})`, cause);
  }
  return { type: 'private', key, ...privateKeyKind(key, origin), ...metadata };
}

/** One JWK of a JWKS: the one with `--kid`, or the only one. */
function keyFromJwks(keys: readonly unknown[], origin: string, kid: string | undefined): SigningKey {
  const jwks = keys.filter(isRecord);
  const chosen = kid === undefined ? (jwks.length === 1 ? jwks[0] : undefined) : jwks.find((k) => k['kid'] === kid);
  if (chosen === undefined) {
    const kids = jwks.map((k) => text(k['kid']) ?? '(no kid)').join(', ');
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
  if (looksLikePem(content)) return keyFromPem(content, origin);
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (cause) {
    // JSON.parse quotes the text it choked on, which may be key material: say only where.
    throw badKey(origin, 'neither PEM nor JSON; give a PEM private key, a private JWK or a JWKS (convert DER with openssl pkey -inform der)', cause);
  }
  if (isRecord(doc) && Array.isArray(doc['keys'])) return keyFromJwks(doc['keys'], origin, kid);
  if (isRecord(doc) && typeof doc['kty'] === 'string') return keyFromJwk(doc, origin);
  throw badKey(origin, 'JSON, but neither a JWK (no "kty") nor a JWKS (no "keys" array)');
}
