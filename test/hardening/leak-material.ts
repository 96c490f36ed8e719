import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'jose/base64url';
import { keyText } from '../verify/helpers/fixtures.js';
import { hmacToken } from '../helpers/tokens.js';

/** What must never reach an output: a known secret, and every piece of the fixture private keys. */
export const CANARY = 'leak-canary-secret-7f3a9';
/** A token signed with the canary: printed only where the contract prints tokens. */
export const CANARY_TOKEN = hmacToken({ sub: 'leak-test', iat: 1_699_999_000, exp: 1_700_003_600 }, CANARY);

export const PRIVATE_PEMS = ['rsa.key.pem', 'ec256.key.pem', 'rsa-enc.key.pem'] as const;
export const PRIVATE_JWKS = ['rsa.private.jwk.json', 'rsa-enc.private.jwk.json'] as const;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

/** The base64 lines between BEGIN and END: any one of them in an output is key material leaking. */
const pemBodyLines = (name: string): string[] =>
  keyText(name)
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----'));
const jwkPrivateValues = (name: string): string[] => {
  const jwk = JSON.parse(keyText(name)) as Record<string, string>;
  return PRIVATE_MEMBERS.map((m) => jwk[m]).filter((v): v is string => v !== undefined);
};

export const SECRET_MATERIAL: readonly string[] = [CANARY, encode(CANARY), ...PRIVATE_PEMS.flatMap(pemBodyLines), ...PRIVATE_JWKS.flatMap(jwkPrivateValues)];

/** A JWKS that publishes private keys, as a careless server might. */
export const PRIVATE_JWKS_DOCUMENT = JSON.stringify({ keys: PRIVATE_JWKS.map((name) => JSON.parse(keyText(name)) as unknown) });

/** The pieces of secret material found in `text` (an empty list when nothing leaks). */
export function leaksIn(text: string): string[] {
  return SECRET_MATERIAL.filter((piece) => text.includes(piece));
}

/** Every file below a folder, as text. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'));
}
