import type { Io } from '../io/io.js';
import { loadSecret, readKeyFile } from '../keys/load.js';
import type { KeySpec } from '../keys/spec.js';
import type { SigningKey } from './algorithms.js';
import { signingKeyFromFile } from './signing-key.js';

/**
 * The key `sign` signs with: a secret as verify reads it (`--secret`,
 * `--secret-env`, `--secret-file`, `--secret-base64`), or the private key of
 * `--key` (`-` for stdin), where `kid` picks one key of a JWKS.
 */
export async function loadSigningKey(io: Io, spec: Extract<KeySpec, { kind: 'secret' | 'key-file' }>, kid: string | undefined): Promise<SigningKey> {
  if (spec.kind === 'secret') return { type: 'secret', bytes: (await loadSecret(io, spec)).bytes, kid: null, alg: null };
  const { bytes, origin } = await readKeyFile(io, spec.path);
  return signingKeyFromFile(bytes, origin, kid);
}
