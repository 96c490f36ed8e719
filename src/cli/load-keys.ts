import type { KeySet } from '../keys/key.js';
import { loadKeySet } from '../keys/load.js';
import type { KeySpec } from '../keys/spec.js';
import { note, type Cli, type GlobalOptions } from './context.js';
import { remoteOptions, type RemoteFlags } from './remote-options.js';

/**
 * Read or fetch the keys a key option names, telling on stderr what the
 * user should know (a secret visible in the process list, key notes).
 */
export async function loadKeys(cli: Cli, g: GlobalOptions, spec: KeySpec, o: RemoteFlags): Promise<KeySet> {
  if (spec.kind === 'secret' && spec.from === 'argument') {
    note(
      cli,
      g,
      'warning: --secret puts the secret in the argument list, where other users of this machine can read it (ps, /proc); prefer --secret-env or --secret-file',
    );
  }
  const keys = await loadKeySet(cli.io, spec, await remoteOptions(cli, g, o));
  for (const message of keys.notes) note(cli, g, message);
  for (const key of keys.keys) {
    if (key.type === 'public' && key.weakness !== null)
      note(cli, g, `warning: ${keys.origin}${key.kid === null ? '' : ` kid ${JSON.stringify(key.kid)}`}: this key verifies nothing: ${key.weakness}`);
  }
  return keys;
}
