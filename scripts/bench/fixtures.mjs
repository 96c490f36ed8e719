// Keys, tokens and files for `npm run bench`, made fresh in its temporary folder.
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hs256Token, signedToken } from '../lib/tokens.mjs';

export const NOW = 1714560000;

/** @param {number} i */
const claims = (i) => ({ iss: 'https://idp.example.com', sub: `user-${i}`, aud: 'api', iat: NOW - 60, exp: NOW + 600, jti: `j-${i}` });

/** @typedef {ReturnType<typeof keyFixtures>} KeyFixtures */

/**
 * RSA and P-256 keys as PEM files and one JWKS file, and a token signed by each.
 * @param {string} work
 */
export function keyFixtures(work) {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const files = {
    rsaPem: join(work, 'rsa.pem'),
    ecPem: join(work, 'ec.pem'),
    jwks: join(work, 'jwks.json'),
  };
  writeFileSync(files.rsaPem, rsa.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(files.ecPem, ec.publicKey.export({ type: 'spki', format: 'pem' }));
  /** @type {(key: import('node:crypto').KeyObject, kid: string, alg: string) => object} */
  const jwk = (key, kid, alg) => ({ ...key.export({ format: 'jwk' }), kid, alg, use: 'sig' });
  writeFileSync(files.jwks, JSON.stringify({ keys: [jwk(rsa.publicKey, 'rsa-1', 'RS256'), jwk(ec.publicKey, 'ec-1', 'ES256')] }));
  return {
    ...files,
    rsaPrivate: rsa.privateKey,
    rsToken: signedToken('RS256', rsa.privateKey, claims(0), 'rsa-1'),
    esToken: signedToken('ES256', ec.privateKey, claims(0), 'ec-1'),
  };
}

/**
 * `count` distinct RS256 tokens, one log line each, all signed by the fixture RSA key.
 * @param {string} path
 * @param {import('node:crypto').KeyObject} rsaPrivate
 * @param {number} count
 */
export function writeRsaTokenLog(path, rsaPrivate, count) {
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(`${NOW} INFO request authorized token=${signedToken('RS256', rsaPrivate, claims(i), 'rsa-1')}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * A wordlist of `count` candidates, none of them the secret of the token it returns.
 * @param {string} path
 * @param {number} count
 */
export async function writeWordlist(path, count) {
  const out = createWriteStream(path);
  const batch = 10_000;
  for (let i = 0; i < count; i += batch) {
    const lines = [];
    for (let j = i; j < Math.min(count, i + batch); j++) lines.push(`candidate-${j.toString(36)}-secret`);
    if (!out.write(`${lines.join('\n')}\n`)) await new Promise((r) => out.once('drain', () => r(undefined)));
  }
  await new Promise((r) => out.end(() => r(undefined)));
  return hs256Token({ alg: 'HS256', typ: 'JWT' }, claims(0), 'the-real-secret-is-not-in-any-list-0d6f1b');
}
