import { X509Certificate } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import type { Finding } from '../audit/rule.js';
import { relativeTime } from '../claims/relative.js';
import { InspectError } from '../errors.js';
import { MIN_RSA_BITS } from '../jose/algorithms.js';
import { isRecord, keyFromJwk, secretMembers, stringOrNull, type JsonRecord } from '../keys/jwk.js';
import type { CertificateInfo, VerificationKey } from '../keys/key.js';
import { certificateInfo } from '../keys/pem.js';
import { publicKeyFrom } from '../keys/public-key.js';
import { rsaFlaw } from '../keys/rsa-weakness.js';
import { jwksFinding } from './rules.js';

export type JwksCertificate = Pick<CertificateInfo, 'subject' | 'notBefore' | 'notAfter'>;

/** One key of a set as `jwks` lists it (CONTRACT.md "JSON output", jwks). */
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

async function readKey(jwk: JsonRecord, path: string, findings: Finding[]): Promise<{ bits: number | null; thumbprint: string | null; key: VerificationKey | null }> {
  let key: VerificationKey;
  try {
    key = await keyFromJwk(jwk, path);
  } catch (error) {
    if (!(error instanceof InspectError)) throw error;
    findings.push(jwksFinding('jwks-unusable-key', { path, evidence: error.message.replace(`${path}: `, '') }));
    return { bits: null, thumbprint: null, key: null };
  }
  if (key.type === 'secret') return { bits: key.bytes.byteLength * 8, thumbprint: await calculateJwkThumbprint({ kty: 'oct', k: stringOrNull(jwk['k'])! }), key };
  if (key.bits !== null && key.bits < MIN_RSA_BITS) findings.push(jwksFinding('jwks-weak-rsa', { path, evidence: `${key.bits} bits` }));
  // The flaw on its own, not key.weakness: a short key with e = 1 is both too short and forgeable.
  const flaw = key.jwk.kty === 'RSA' ? rsaFlaw(key.jwk.n!, key.jwk.e!) : null;
  if (flaw !== null) findings.push(jwksFinding('jwks-broken-rsa-key', { path, evidence: flaw }));
  return { bits: key.bits, thumbprint: key.thumbprint, key };
}

/** The first x5c certificate (RFC 7517 §4.7: base64 DER, the key's own first): readable, of this key, and valid now. */
async function readCertificate(jwk: JsonRecord, path: string, key: VerificationKey | null, now: number, findings: Finding[]): Promise<JwksCertificate | null> {
  const x5c = jwk['x5c'];
  if (x5c === undefined) return null;
  const where = `${path}.x5c[0]`;
  let cert: X509Certificate;
  try {
    if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') throw new TypeError('x5c is not an array of base64 strings');
    cert = new X509Certificate(Buffer.from(x5c[0], 'base64'));
  } catch {
    findings.push(jwksFinding('jwks-bad-certificate', { path: where, evidence: 'not a readable X.509 certificate (base64 DER)' }));
    return null;
  }
  const info = certificateInfo(cert);
  if (key?.type === 'public') {
    const certified = await publicKeyFrom(cert.publicKey, where).catch(() => null);
    if (certified?.thumbprint !== key.thumbprint) {
      findings.push(jwksFinding('jwks-bad-certificate', { path: where, evidence: `the certificate is for another key (thumbprint ${certified?.thumbprint ?? 'unreadable'})` }));
    }
  }
  if (info.notAfterSeconds < now) {
    findings.push(jwksFinding('jwks-certificate-validity', { path: where, evidence: `expired ${info.notAfter} (${relativeTime(info.notAfterSeconds - now)})` }));
  } else if (info.notBeforeSeconds > now) {
    findings.push(jwksFinding('jwks-certificate-validity', { severity: 'medium', path: where, evidence: `not valid until ${info.notBefore}` }));
  }
  return { subject: info.subject, notBefore: info.notBefore, notAfter: info.notAfter };
}

/** Said of an oct key published beside public ones, where verifiers expect nothing but public keys. */
const SECRET_AMONG_PUBLIC = 'the set also holds public keys: a verifier that picks its key by kid may be led to check an HMAC token against this secret, which anyone who reads the set knows';

/** What one entry of a key set is, and what is wrong with it; `amongPublicKeys`: the set holds RSA, EC or OKP keys. */
export async function inspectKey(entry: unknown, index: number, now: number, amongPublicKeys: boolean): Promise<KeyInspection> {
  const path = `keys[${index}]`;
  const findings: Finding[] = [];
  if (!isRecord(entry)) {
    findings.push(jwksFinding('jwks-unusable-key', { path, evidence: 'not a JSON object' }));
    return { key: { kid: null, kty: null, alg: null, use: null, crv: null, bits: null, thumbprint: null, certificate: null }, findings };
  }
  const secret = secretMembers(entry).map((name) => (name === 'k' ? 'k (a shared HMAC secret)' : name));
  if (secret.length > 0) {
    const note = amongPublicKeys && entry['kty'] === 'oct' ? SECRET_AMONG_PUBLIC : undefined;
    findings.push(jwksFinding('jwks-private-key', { path, evidence: secret.join(', '), note }));
  }
  const { bits, thumbprint, key } = await readKey(entry, path, findings);
  const certificate = await readCertificate(entry, path, key, now, findings);
  const kid = stringOrNull(entry['kid']);
  const alg = stringOrNull(entry['alg']);
  const use = stringOrNull(entry['use']);
  if (kid === null) findings.push(jwksFinding('jwks-missing-kid', { path }));
  if (alg === null) findings.push(jwksFinding('jwks-missing-alg', { path }));
  if (use === null && entry['key_ops'] === undefined) findings.push(jwksFinding('jwks-missing-use', { path }));
  return { key: { kid, kty: stringOrNull(entry['kty']), alg, use, crv: stringOrNull(entry['crv']), bits, thumbprint, certificate }, findings };
}
