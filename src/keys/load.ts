import { Buffer } from 'node:buffer';
import { InspectError } from '../errors.js';
import type { Io } from '../io/io.js';
import { singleKeySet, type KeySet, type SecretKey } from './key.js';
import { keySetFromFile } from './key-file.js';
import type { RemoteOptions } from './remote-document.js';
import { keySetFromIssuer, keySetFromJwksUrl } from './remote-keys.js';
import { decodeBase64Secret, dropTrailingNewline, secretKey } from './secret.js';
import type { KeySpec } from './spec.js';

/** Key files are small; a larger file is not a key. */
export const MAX_KEY_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8');

type SecretSpec = Extract<KeySpec, { kind: 'secret' }>;

async function secretBytes(io: Io, spec: SecretSpec, origin: string): Promise<Uint8Array> {
  let raw: Uint8Array;
  if (spec.from === 'argument') raw = Buffer.from(spec.value, 'utf8');
  else if (spec.from === 'env') {
    const value = io.env[spec.value];
    if (value === undefined)
      throw new InspectError('ERR_BAD_KEY', `the environment variable ${spec.value} is not set; export it, or name another with --secret-env`);
    raw = Buffer.from(value, 'utf8');
  } else raw = dropTrailingNewline(await io.readFile(spec.value, MAX_KEY_BYTES));
  return spec.base64 ? decodeBase64Secret(utf8.decode(raw), origin) : raw;
}

function secretOrigin(spec: SecretSpec): string {
  // The argument's value is the secret itself: the origin names the option only.
  return { argument: '--secret', env: `--secret-env ${spec.value}`, file: `--secret-file ${spec.value}` }[spec.from];
}

/** The HMAC secret of `--secret`, `--secret-env` or `--secret-file` (with `--secret-base64`), as verify and sign read it. */
export async function loadSecret(io: Io, spec: SecretSpec): Promise<SecretKey> {
  const origin = secretOrigin(spec);
  return secretKey(await secretBytes(io, spec, origin), origin);
}

/** The bytes of the file `--key` names (`-` for stdin), and how messages name it. */
export async function readKeyFile(io: Io, path: string): Promise<{ bytes: Uint8Array; origin: string }> {
  if (path === '-') return { bytes: await io.stdin.read(MAX_KEY_BYTES), origin: 'the key on stdin' };
  return { bytes: await io.readFile(path, MAX_KEY_BYTES), origin: path };
}

/** Read or fetch the keys a key option names. Throws ERR_BAD_KEY, ERR_READ_FAILED or ERR_NETWORK. */
export async function loadKeySet(io: Io, spec: KeySpec, remote: RemoteOptions): Promise<KeySet> {
  switch (spec.kind) {
    case 'secret':
      return singleKeySet('secret', secretOrigin(spec), await loadSecret(io, spec));
    case 'key-file': {
      const { bytes, origin } = await readKeyFile(io, spec.path);
      return keySetFromFile(bytes, 'key', origin);
    }
    case 'jwks-file':
      return keySetFromFile(await io.readFile(spec.path, MAX_KEY_BYTES), 'jwks', spec.path);
    case 'jwks-url':
      return keySetFromJwksUrl(io, spec.url, remote, 'jwks', spec.url);
    case 'issuer':
      return keySetFromIssuer(io, spec.issuer, remote);
  }
}
