// Test tokens for the build's training runs and the benchmark, made with node:crypto alone
// (the scripts run before and beside the bundle, so they cannot use jwt-inspect itself).
import { createHmac, sign } from 'node:crypto';

/** @param {string | object} value */
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * An RS256 or ES256 token signed with a node:crypto private key.
 * @param {string} alg
 * @param {import('node:crypto').KeyObject} privateKey
 * @param {object} payload
 * @param {string} kid
 */
export function signedToken(alg, privateKey, payload, kid) {
  const input = `${b64({ alg, typ: 'JWT', kid })}.${b64(payload)}`;
  // JWS wants ECDSA signatures as raw R||S (RFC 7518 §3.4), not DER.
  /** @type {import('node:crypto').KeyObject | import('node:crypto').SignKeyObjectInput} */
  const key = alg.startsWith('ES') ? { key: privateKey, dsaEncoding: 'ieee-p1363' } : privateKey;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/**
 * An HS256 token with this header and payload.
 * @param {object} header
 * @param {object} payload
 * @param {string} secret
 */
export function hs256Token(header, payload, secret) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
