import { createPublicKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import { NO_METADATA, type KeyMetadata, type PublicKey } from './key.js';
import { badKey } from './key-errors.js';
import { rsaFlaw } from './rsa-weakness.js';

/** The members RFC 7638 §3.2 hashes, which are also all a verifier needs (RFC 7518 §6). */
export const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
};

function describe(jwk: JWK, bits: number | null): string {
  if (jwk.kty === 'RSA') return `RSA ${bits}-bit`;
  return `${jwk.kty} ${jwk.crv ?? ''}`.trim();
}

/**
 * A public key from a node KeyObject (public, or private whose public half
 * is wanted): its JWK cut down to the public members, and its thumbprint.
 */
export async function publicKeyFrom(key: KeyObject, origin: string, metadata: KeyMetadata = NO_METADATA): Promise<PublicKey> {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  let exported: JWK;
  try {
    exported = pub.export({ format: 'jwk' }) as JWK;
  } catch (cause) {
    throw badKey(origin, `a ${pub.asymmetricKeyType ?? 'unknown'} key cannot sign a JWT; give an RSA, EC or Ed25519 key`, cause);
  }
  const members = PUBLIC_MEMBERS[exported.kty ?? ''];
  if (members === undefined) throw badKey(origin, `key type ${exported.kty} cannot sign a JWT`);
  const all = exported as Record<string, unknown>;
  const jwk = Object.fromEntries(members.filter((m) => all[m] !== undefined).map((m) => [m, all[m]])) as JWK;
  const bits = pub.asymmetricKeyDetails?.modulusLength ?? null;
  const weakness = jwk.kty === 'RSA' ? rsaFlaw(jwk.n!, jwk.e!) : null;
  return { type: 'public', ...metadata, jwk, thumbprint: await calculateJwkThumbprint(jwk, 'sha256'), description: describe(jwk, bits), bits, weakness };
}
