#!/usr/bin/env node
// Regenerates the sample inputs in this folder: `node examples/make-examples.mjs`.
// Fixed instants keep them stable; decode them with `--now 2026-01-15T12:05:00Z` to see them "live".
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
// A 64-bit id cannot pass through a JS number, so it is spliced in as text.
const BIG_ID = '"__big_id__"';
const json = (value) => JSON.stringify(value).replace(BIG_ID, '12345678901234567890');
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : json(value)).toString('base64url');
const iat = Date.parse('2026-01-15T12:00:00Z') / 1000;

function hs256(header, payload, secret) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
function rs256(header, payload) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const issuer = 'https://auth.example.com/';
const access = rs256(
  { alg: 'RS256', typ: 'at+jwt', kid: '2026-01-rsa' },
  {
    iss: issuer,
    sub: 'user_8f3a2c',
    aud: 'https://api.example.com',
    client_id: 'web-app',
    scope: 'openid profile orders:read',
    iat,
    exp: iat + 900,
    jti: 'a1b2c3d4-0001',
  },
);
const id = rs256(
  { alg: 'RS256', typ: 'JWT', kid: '2026-01-rsa' },
  {
    iss: issuer,
    sub: 'user_8f3a2c',
    aud: 'web-app',
    nonce: 'n-0S6_WzA2Mj',
    email: 'jane.doe@example.com',
    email_verified: true,
    name: 'Jane Doe',
    iat,
    exp: iat + 3600,
  },
);
const refresh = hs256(
  { alg: 'HS256', typ: 'JWT' },
  { iss: issuer, sub: 'user_8f3a2c', token_use: 'refresh', iat, exp: iat + 90 * 86400 },
  'refresh-signing-key-that-is-long-enough-for-hs256',
);
writeFileSync(
  join(here, 'token-response.json'),
  `${JSON.stringify({ access_token: access, token_type: 'Bearer', expires_in: 900, refresh_token: refresh, id_token: id, scope: 'openid profile orders:read' }, null, 2)}\n`,
);
writeFileSync(join(here, 'authorization-header.txt'), `Authorization: Bearer ${access}\n`);

const session = hs256({ alg: 'HS256', typ: 'JWT' }, { sub: '1042', role: 'admin', iat, exp: iat + 30 * 86400 }, 'secret');
writeFileSync(join(here, 'set-cookie.txt'), `Set-Cookie: session=${session}; Path=/; Max-Age=2592000; SameSite=None\n`);

const leaky = hs256(
  { alg: 'HS256', typ: 'JWT' },
  {
    sub: 'jane.doe@example.com',
    name: 'Jane Doe',
    email: 'jane.doe@example.com',
    password: 'hunter2!',
    ssn: '536-22-1234',
    card_number: '4111 1111 1111 1111',
    id: '__big_id__',
    iat,
  },
  'your-256-bit-secret',
);
writeFileSync(join(here, 'sensitive-token.txt'), `${leaky}\n`);
