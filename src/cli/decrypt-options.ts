import type { Command } from 'commander';
import type { DecryptKey, DecryptKeySpec } from '../keys/decrypt-key.js';
import type { InspectReport } from '../report/inspect.js';
import type { Cli, GlobalOptions } from './context.js';
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
 * decode: a JWE decrypted with the key asked for, its contents shown as the
 * inner token and its times read from them. A token that is not a JWE is
 * left as it is; a key that does not decrypt it is an input error.
 */
export async function decryptForDecode(cli: Cli, g: GlobalOptions, report: InspectReport, options: DecryptOptions): Promise<InspectReport> {
  const spec = decryptSpecOf(options);
  if (spec === null || report.token.kind !== 'JWE') return report;
  const key = await loadDecryptKeyFor(cli, spec);
  const { decryptToken, withInner } = await import('../verify/decrypt.js');
  const decrypted = await decryptToken(report.decoded, key);
  if (decrypted.kind === 'failed') throw new InspectError('ERR_BAD_KEY', `cannot decrypt the JWE: ${decrypted.error.message} [${decrypted.error.code}]`);
  return withInner(report, decrypted, g.now, g.leeway);
}
