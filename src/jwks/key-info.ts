import { Buffer } from 'node:buffer';
import { X509Certificate } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import type { Finding } from '../audit/rule.js';
import { jwksKeyRules, type JwksCertificateFacts, type JwksKeyContext } from '../audit/rules/jwks.js';
import { runTable } from '../audit/run.js';
import { InspectError } from '../errors.js';
import { isRecord, keyFromJwk, stringOrNull, type JsonRecord } from '../keys/jwk.js';
import type { CertificateInfo, VerificationKey } from '../keys/key.js';
import { certificateInfo } from '../keys/pem.js';
import { publicKeyFrom } from '../keys/public-key.js';

export type JwksCertificate = Pick<CertificateInfo, 'subject' | 'notBefore' | 'notAfter'>;

/** One key of a set as `jwks` lists it (docs/output.md "jwks"). */
export interface JwksKey {
  readonly kid: string | null;
  readonly kty: string | null;
  readonly alg: string | null;
  readonly use: string | null;
  readonly crv: string | null;
  /** RSA modulus or oct secret length; null for curves, which `crv` names. */
  readonly bits: number | null;
  /** RFC 7638 SHA-256 thumbprint, base64url; null when the key cannot be read. */
  readonly thumbprint: string | null;
  readonly certificate: JwksCertificate | null;
}

export interface KeyInspection {
  readonly key: JwksKey;
  readonly findings: readonly Finding[];
}

/** The key of an entry, or why keyFromJwk refuses it (its message without the path). */
async function readKey(jwk: JsonRecord, path: string): Promise<{ key: VerificationKey | null; unreadable: string | null }> {
  try {
    return { key: await keyFromJwk(jwk, path), unreadable: null };
  } catch (error) {
    if (!(error instanceof InspectError)) throw error;
    return { key: null, unreadable: error.message.replace(`${path}: `, '') };
  }
}

/** The size and RFC 7638 thumbprint `jwks` lists for a key it could read. */
async function sizeAndThumbprint(jwk: JsonRecord, key: VerificationKey | null): Promise<{ bits: number | null; thumbprint: string | null }> {
  if (key === null) return { bits: null, thumbprint: null };
  if (key.type === 'secret') return { bits: key.bytes.byteLength * 8, thumbprint: await calculateJwkThumbprint({ kty: 'oct', k: stringOrNull(jwk['k'])! }) };
  return { bits: key.bits, thumbprint: key.thumbprint };
}

/** The first x5c certificate (RFC 7517 §4.7: base64 DER, the key's own first), and the key it certifies. */
async function readCertificate(jwk: JsonRecord, path: string): Promise<JwksCertificateFacts | null> {
  const x5c = jwk['x5c'];
  if (x5c === undefined) return null;
  const where = `${path}.x5c[0]`;
  let cert: X509Certificate;
  try {
    if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') throw new TypeError('x5c is not an array of base64 strings');
    cert = new X509Certificate(Buffer.from(x5c[0], 'base64'));
  } catch {
    return { path: where, info: null, thumbprint: null };
  }
  const certified = await publicKeyFrom(cert.publicKey, where).catch(() => null);
  return { path: where, info: certificateInfo(cert), thumbprint: certified?.thumbprint ?? null };
}

const NOTHING_KNOWN: JwksKey = { kid: null, kty: null, alg: null, use: null, crv: null, bits: null, thumbprint: null, certificate: null };

/** What one entry of a key set is, and what is wrong with it; `amongPublicKeys`: the set holds RSA, EC or OKP keys. */
export async function inspectKey(entry: unknown, index: number, now: number, amongPublicKeys: boolean): Promise<KeyInspection> {
  const path = `keys[${index}]`;
  if (!isRecord(entry)) {
    const context: JwksKeyContext = { path, jwk: null, key: null, unreadable: null, certificate: null, amongPublicKeys, now };
    return { key: NOTHING_KNOWN, findings: runTable(jwksKeyRules, context) };
  }
  const { key, unreadable } = await readKey(entry, path);
  const { bits, thumbprint } = await sizeAndThumbprint(entry, key);
  const certificate = await readCertificate(entry, path);
  const info = certificate?.info ?? null;
  return {
    key: {
      kid: stringOrNull(entry['kid']),
      kty: stringOrNull(entry['kty']),
      alg: stringOrNull(entry['alg']),
      use: stringOrNull(entry['use']),
      crv: stringOrNull(entry['crv']),
      bits,
      thumbprint,
      certificate: info === null ? null : { subject: info.subject, notBefore: info.notBefore, notAfter: info.notAfter },
    },
    findings: runTable(jwksKeyRules, { path, jwk: entry, key, unreadable, certificate, amongPublicKeys, now }),
  };
}
