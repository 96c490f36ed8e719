import { createPublicKey } from 'node:crypto';
import type { JWK } from 'jose';
import { decode as decodeBase64url } from 'jose/base64url';
import { InspectError } from '../errors.js';
import { PRIVATE_MEMBERS } from '../jose/jwk.js';
import type { KeyMetadata, KeySet, KeySourceKind, VerificationKey } from './key.js';
import { badKey, cryptoReason } from './key-errors.js';
import { PUBLIC_MEMBERS, publicKeyFrom } from './public-key.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Why a document is not a key set, whoever reads it (verify --jwks, jwks). */
export const NOT_A_JWKS = 'not a JWKS: expected a JSON object with a "keys" array (RFC 7517 §5)';

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A member that should be a string: the string, else null. */
export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** What a JWK says of its own use (RFC 7517 §4): members of the wrong type count as absent. */
export function metadataOf(jwk: JsonRecord): KeyMetadata {
  const ops = jwk['key_ops'];
  return {
    kid: stringOrNull(jwk['kid']),
    alg: stringOrNull(jwk['alg']),
    use: stringOrNull(jwk['use']),
    keyOps: Array.isArray(ops) && ops.every((o) => typeof o === 'string') ? ops : null,
  };
}

/** The JWK objects of a JSON key document: itself, or the members of a JWKS's `keys`. */
export function jwkEntries(document: string): { readonly set: boolean; readonly entries: readonly JsonRecord[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return { set: false, entries: [] };
  }
  if (!isRecord(doc)) return { set: false, entries: [] };
  const keys = doc['keys'];
  return Array.isArray(keys) ? { set: true, entries: keys.filter(isRecord) } : { set: false, entries: [doc] };
}

export function hasPrivateMembers(jwk: JsonRecord): boolean {
  return PRIVATE_MEMBERS.some((m) => jwk[m] !== undefined);
}

/** The members no published key may carry, in the JWK's order: the private ones, then `k`, the secret of an `oct` key. */
export function secretMembers(jwk: JsonRecord): string[] {
  const names = Object.keys(jwk).filter((name) => PRIVATE_MEMBERS.includes(name) && jwk[name] !== undefined);
  return jwk['kty'] === 'oct' && jwk['k'] !== undefined ? [...names, 'k'] : names;
}

/** The secret of an `oct` JWK (RFC 7518 §6.4.1). */
export function octSecret(jwk: JsonRecord, origin: string): Uint8Array {
  const k = stringOrNull(jwk['k']);
  if (k === null || k === '' || !BASE64URL.test(k)) throw badKey(origin, 'an oct JWK needs "k", the secret in base64url (RFC 7518 §6.4.1)');
  return decodeBase64url(k);
}

/**
 * A verification key from one JWK: an `oct` JWK is a secret, anything else
 * a public key (private members are dropped, never used). Throws ERR_BAD_KEY.
 */
export async function keyFromJwk(jwk: JsonRecord, origin: string): Promise<VerificationKey> {
  const kty = stringOrNull(jwk['kty']);
  const metadata = metadataOf(jwk);
  if (kty === 'oct') {
    const bytes = octSecret(jwk, origin);
    return { type: 'secret', ...metadata, bytes, description: `${bytes.byteLength * 8}-bit secret` };
  }
  const members = kty !== null && Object.hasOwn(PUBLIC_MEMBERS, kty) ? PUBLIC_MEMBERS[kty] : undefined;
  if (members === undefined) {
    throw badKey(origin, `JWK key type ${kty === null ? '(missing "kty")' : JSON.stringify(kty)} cannot verify a JWT; expected RSA, EC, OKP or oct`);
  }
  const publicPart = Object.fromEntries(members.map((m) => [m, jwk[m]])) as JWK;
  try {
    return await publicKeyFrom(createPublicKey({ key: publicPart, format: 'jwk' }), origin, metadata);
  } catch (cause) {
    if (cause instanceof InspectError) throw cause;
    throw badKey(origin, `the ${kty} JWK is not a valid key (${cryptoReason(cause)})`, cause);
  }
}

/** Skipped keys explained one by one; past these the rest are counted, so that a set of junk gives one short line. */
const SKIPPED_SHOWN = 3;

function skippedNotes(skipped: readonly string[], origin: string): string[] {
  if (skipped.length <= SKIPPED_SHOWN) return [...skipped];
  return [...skipped.slice(0, SKIPPED_SHOWN), `${origin}: ${skipped.length - SKIPPED_SHOWN} more keys skipped`];
}

/**
 * The keys of a JWKS document (RFC 7517 §5). Keys that cannot verify a JWT
 * (an unknown kty, a broken member) are left out with a note, as RFC 7517
 * §5 asks; an empty or shapeless set is an error, `invalid` chooses which.
 */
export async function keySetFromJwks(doc: unknown, source: KeySourceKind, origin: string, invalid: (message: string) => InspectError): Promise<KeySet> {
  if (!isRecord(doc) || !Array.isArray(doc['keys'])) throw invalid(NOT_A_JWKS);
  const keys: VerificationKey[] = [];
  const skipped: string[] = [];
  let privateCount = 0;
  for (const [index, entry] of (doc['keys'] as unknown[]).entries()) {
    const where = `${origin} keys[${index}]`;
    if (!isRecord(entry)) {
      skipped.push(`${where} is not a JSON object; skipped`);
      continue;
    }
    if (hasPrivateMembers(entry)) privateCount++;
    try {
      keys.push(await keyFromJwk(entry, where));
    } catch (error) {
      if (!(error instanceof InspectError)) throw error;
      skipped.push(`${error.message}; skipped`);
    }
  }
  const notes = skippedNotes(skipped, origin);
  if (privateCount > 0)
    notes.push(
      `${origin} publishes ${privateCount} private key${privateCount === 1 ? '' : 's'}; only the public halves are used, but whoever serves it is leaking signing keys`,
    );
  if (keys.length === 0) throw invalid(`the JWKS holds no key that can verify a JWT${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
  return { source, origin, keys, byKid: true, notes, certificate: null, document: JSON.stringify(doc), refresh: null };
}
