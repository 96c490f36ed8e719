import { Option, type Command } from 'commander';
import type { RemoteOptions } from '../keys/remote-document.js';
import { note, type Cli, type GlobalOptions } from './context.js';
import { durationArg } from './parsers.js';

/** The options that govern fetching remote key documents, as commander gives them. */
export interface RemoteFlags {
  readonly timeout: number;
  readonly ca?: string;
  readonly allowHttp?: boolean;
  readonly cache: boolean;
}

/** `--timeout`, `--ca`, `--allow-http` and `--no-cache` (README "verify": remote keys). */
export function addRemoteOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--timeout <duration>', 'for each request for remote keys').argParser(durationArg).default(5, '5s'))
    .option('--ca <pem-file>', 'also trust these CA certificates for remote keys')
    .option('--allow-http', 'allow plain http:// for remote keys on hosts that are not loopback')
    .option('--no-cache', 'neither read nor write the disk cache of fetched keys');
}

/** The fetch settings those options ask for; reads the `--ca` file. Notes about the cache go to stderr. */
export async function remoteOptions(cli: Cli, g: GlobalOptions, o: RemoteFlags): Promise<RemoteOptions> {
  const { loadCa } = await import('../keys/remote-document.js');
  return {
    timeoutMs: o.timeout * 1000,
    allowHttp: o.allowHttp === true,
    ca: o.ca === undefined ? null : await loadCa(cli.io, o.ca),
    useCache: o.cache,
    note: (message) => note(cli, g, message),
  };
}
