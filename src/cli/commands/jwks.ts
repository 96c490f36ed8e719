import { Command, Option } from 'commander';
import { FAIL_ON_CHOICES, failsAt, type FailOn } from '../../audit/threshold.js';
import type { Io } from '../../io/io.js';
import type { RemoteOptions } from '../../keys/remote-document.js';
import { looksLikeUrl } from '../../keys/spec.js';
import { globalOptions, settle, type Cli, type GlobalOptions } from '../context.js';
import type { Outcome } from '../exit-code.js';
import { MAX_INPUT_BYTES } from '../input.js';
import { remoteUrlOption } from '../key-options.js';
import { addRemoteOptions, remoteOptions, type RemoteFlags } from '../remote-options.js';

interface JwksOptions extends RemoteFlags {
  readonly failOn: FailOn;
}

const EXAMPLES = `
Examples:
  $ jwt-inspect jwks https://idp.example.com/.well-known/jwks.json
  $ jwt-inspect jwks keys/jwks.json --json | jq -r '.keys[].kid'
  $ curl -s https://idp.example.com/jwks | jwt-inspect jwks -
  $ jwt-inspect jwks --fail-on medium https://idp.example.com/jwks     # CI: fail on findings at medium or above

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 unreadable or not a JWKS, 4 network.
`;

/** The entries of a remote set, fetched and cached under verify's rules (https, size, redirects, timeout). */
async function fetchEntries(io: Io, text: string, remote: RemoteOptions): Promise<readonly unknown[]> {
  const { fetchJsonDocument, networkError } = await import('../../keys/remote-document.js');
  const { readJwksEntries } = await import('../../jwks/inspect.js');
  const url = remoteUrlOption('jwks', text, remote.allowHttp);
  return (await fetchJsonDocument(io, url, remote, (json) => readJwksEntries(json, (message) => networkError(url, message)))).value;
}

/** The entries of a set in a file, or on stdin (`-`). */
async function readEntries(io: Io, path: string): Promise<readonly unknown[]> {
  const { parseJwksBytes } = await import('../../jwks/inspect.js');
  const bytes = path === '-' ? await io.stdin.read(MAX_INPUT_BYTES) : await io.readFile(path, MAX_INPUT_BYTES);
  return parseJwksBytes(bytes, path === '-' ? 'stdin' : path);
}

export function jwksCommand(cli: Cli): Command {
  return addRemoteOptions(
    new Command('jwks')
      .summary('list the keys of a JWKS and flag bad ones')
      .description(
        'List the keys of a JSON Web Key Set (kid, kty, alg, use, curve or size, RFC 7638 thumbprint, x5c certificate) and flag private keys, weak RSA, missing or duplicate kids, keys without alg or use, and certificates that are expired (as of --now) or for another key.',
      )
      .argument('<url-or-file>', 'an https:// URL (fetched as verify --jwks fetches), a file, or - for stdin')
      .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(FAIL_ON_CHOICES).default('high')),
  )
    .addHelpText('after', EXAMPLES)
    .action(async (source: string, o: JwksOptions, cmd: Command) => {
      settle(cli, cmd, await runJwks(cli, globalOptions(cli, cmd), source, o));
    });
}

/** The jwks action: read or fetch the set, inspect its keys, print them and the findings. */
async function runJwks(cli: Cli, g: GlobalOptions, source: string, o: JwksOptions): Promise<Outcome> {
  const { inspectJwks } = await import('../../jwks/inspect.js');
  const entries = looksLikeUrl(source) ? await fetchEntries(cli.io, source, await remoteOptions(cli, g, o)) : await readEntries(cli.io, source);
  const report = await inspectJwks(entries, source, g.now);
  if (g.json) {
    const { jwksJson } = await import('../../render/jwks-json.js');
    cli.io.stdout.write(jwksJson(report));
  } else if (!g.quiet) {
    const { jwksText } = await import('../../render/jwks-text.js');
    cli.io.stdout.write(jwksText(report, g.theme, o.failOn, failsAt(report.findings, o.failOn)));
  }
  return { command: 'jwks', findings: report.findings, failOn: o.failOn };
}
