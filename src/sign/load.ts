import type { Io } from '../io/io.js';
import { loadKeySet, MAX_KEY_BYTES } from '../keys/load.js';
import type { RemoteOptions } from '../keys/remote-document.js';
import type { KeySpec } from '../keys/spec.js';
import type { SigningKey } from './algorithms.js';
import { signingKeyFromFile } from './signing-key.js';

/** A secret is never fetched: these settings are never read. */
const LOCAL: RemoteOptions = { timeoutMs: 0, allowHttp: false, ca: null, useCache: false };

/**
 * The key `sign` signs with: a secret as verify reads it (`--secret`,
 * `--secret-env`, `--secret-file`, `--secret-base64`), or the private key of
 * `--key` (`-` for stdin), where `kid` picks one key of a JWKS.
 */
export async function loadSigningKey(io: Io, spec: Extract<KeySpec, { kind: 'secret' | 'key-file' }>, kid: string | undefined): Promise<SigningKey> {
  if (spec.kind === 'secret') {
    const [secret] = (await loadKeySet(io, spec, LOCAL)).keys;
    if (secret?.type !== 'secret') throw new Error('a secret key option gave no secret');
    return { type: 'secret', bytes: secret.bytes, kid: null, alg: null };
  }
  const fromStdin = spec.path === '-';
  const bytes = fromStdin ? await io.stdin.read(MAX_KEY_BYTES) : await io.readFile(spec.path, MAX_KEY_BYTES);
  return signingKeyFromFile(bytes, fromStdin ? 'the key on stdin' : spec.path, kid);
}
