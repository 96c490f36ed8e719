import type { Command } from 'commander';
import type { DecryptKey, DecryptKeySpec } from '../keys/decrypt-key.js';
import type { DecodedToken } from '../token/decode.js';
import type { Opened } from '../verify/decrypt.js';
import type { Cli } from './context.js';
import { InspectError, usageError } from '../errors.js';

export interface DecryptOptions {
  readonly decryptKey?: string;
  readonly decryptSecretEnv?: string;
}

/** `--decrypt-key` and `--decrypt-secret-env`, the same for decode and verify. */
export function addDecryptOptions(cmd: Command): Command {
  return cmd
    .option('--decrypt-key <path>', 'decrypt a JWE with this private key (PEM or JWK) or oct JWK')
    .option('--decrypt-secret-env <VAR>', 'decrypt a JWE with the shared secret in this environment variable (dir, AES key wrap, PBES2)');
}

/** Which decryption key was asked for; `base64` reads the variable as base64 (`--secret-base64`). */
export function decryptSpecOf(options: DecryptOptions, base64 = false): DecryptKeySpec | null {
  if (options.decryptKey !== undefined && options.decryptSecretEnv !== undefined) throw usageError('give one of --decrypt-key and --decrypt-secret-env');
  if (options.decryptKey !== undefined) return { kind: 'file', path: options.decryptKey };
  if (options.decryptSecretEnv !== undefined) return { kind: 'env', name: options.decryptSecretEnv, base64 };
  return null;
}

/** Load the decryption key; the key code loads only when one is asked for. */
export async function loadDecryptKeyFor(cli: Cli, spec: DecryptKeySpec): Promise<DecryptKey> {
  const { loadDecryptKey } = await import('../keys/decrypt-key.js');
  return loadDecryptKey(cli.io, spec);
}

/**
 * decode: a JWE decrypted with the key asked for, for the report to show
 * its contents as the inner token. Null when no key was asked for or the
 * token is no JWE; a key that does not decrypt it is an input error.
 */
export async function decryptForDecode(cli: Cli, token: DecodedToken, options: DecryptOptions): Promise<Opened | null> {
  const spec = decryptSpecOf(options);
  if (spec === null || token.kind !== 'JWE') return null;
  const key = await loadDecryptKeyFor(cli, spec);
  const { decryptToken } = await import('../verify/decrypt.js');
  const decrypted = await decryptToken(token, key);
  if (decrypted.kind === 'failed') throw new InspectError('ERR_BAD_KEY', `cannot decrypt the JWE: ${decrypted.error.message} [${decrypted.error.code}]`);
  return decrypted;
}
