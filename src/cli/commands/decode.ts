import { Command, Option } from 'commander';
import { resolvePath } from '../../claims/path.js';
import { InspectError } from '../../errors.js';
import { failedChecksText } from '../../render/checks-text.js';
import { decodeText } from '../../render/decode-text.js';
import { escapeTerminal } from '../../render/escape.js';
import { nodeJsonText } from '../../render/json.js';
import { checksJson, reportJson } from '../../render/report-json.js';
import { buildReport, signatureBase64url, trustedClaims, type InspectReport, type TokenParts } from '../../report/inspect.js';
import { redactReport } from '../../report/redact.js';
import { decodeToken } from '../../token/decode.js';
import { addCheckOptions, runChecks, type CheckOptions } from '../check-options.js';
import { globalOptions, note, settle, type Cli, type GlobalOptions } from '../context.js';
import { addDecryptOptions, decryptForDecode, type DecryptOptions } from '../decrypt-options.js';
import { NO_INPUT, type Outcome } from '../exit-code.js';
import { addSourceOptions, loadToken, type SourceOptions } from '../input.js';
import { claimPathOption } from '../parsers.js';

interface DecodeOptions extends SourceOptions, DecryptOptions, CheckOptions {
  readonly raw?: 'header' | 'payload' | 'signature';
  readonly claim?: string;
  readonly copy?: boolean;
  readonly redact?: boolean;
}

const EXAMPLES = `
Examples:
  $ jwt-inspect eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln
  $ curl -si https://api.example.com/login | jwt-inspect          # finds the token in the response
  $ jwt-inspect --file examples/token-response.json --pick id_token
  $ jwt-inspect decode --claim sub "$TOKEN"
  $ jwt-inspect decode --json "$TOKEN" | jq .time.status
  $ jwt-inspect decode --fresh --max-ttl 15m -q "$TOKEN" || echo "stale or long-lived"
  $ jwt-inspect decode --redact "$TOKEN"                           # safe to paste in a bug report
`;

export function decodeCommand(cli: Cli): Command {
  const withParts = addDecryptOptions(
    addSourceOptions(
      new Command('decode')
        .summary('decode header and payload, explain times, kid and alg (the default command)')
        .description('Decode a JWT without checking its signature: header, payload, times, kid and the findings of medium severity and above.')
        .argument('[token]', 'the token, or text holding one (Bearer header, cookie, URL, JSON); - for stdin'),
    ),
  )
    .addOption(new Option('--raw <part>', 'print only one part as compact JSON (signature: base64url)').choices(['header', 'payload', 'signature']))
    .option('--claim <path>', 'print only the value of this claim (strings bare); exit 1 when absent')
    .option('--copy', 'also copy the decoded payload JSON to the clipboard');
  return addCheckOptions(withParts)
    .option('--redact', 'print a copy safe to share: no signature, sensitive values replaced by length and hash')
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: DecodeOptions, cmd: Command) => {
      settle(cli, cmd, await runDecode(cli, globalOptions(cli, cmd), token, options));
    });
}

/** The decode action: read and decode the token, run the checks, print what was asked for. */
async function runDecode(cli: Cli, g: GlobalOptions, token: string | undefined, options: DecodeOptions): Promise<Outcome> {
  // With a check asked for, the exit code is a verdict on one token.
  const gated = options.expect !== undefined || options.fresh === true || options.maxTtl !== undefined;
  const loaded = await loadToken(cli, g, token, options, gated ? 'refuse' : 'first');
  if (loaded === null) return NO_INPUT;
  const decoded = decodeToken(loaded.found.token);
  const opened = await decryptForDecode(cli, decoded, options);
  const inspected = buildReport(decoded, loaded.found, loaded, { now: g.now, leeway: g.leeway, opened });
  const report = options.redact ? redactReport(inspected) : inspected;

  // Checks read the real values, not the redacted copy.
  const checks = runChecks(inspected, options, g.now);

  let claimMissing = false;
  if (options.raw !== undefined) printRaw(cli, g, report, options.raw);
  else if (options.claim !== undefined) claimMissing = !printClaim(cli, g, report, options.claim);
  else if (g.json) cli.io.stdout.write(reportJson(report, { expectations: checksJson(checks) }));
  else if (!g.quiet) cli.io.stdout.write(decodeText(report, g.theme, { minSeverity: 'medium', redacted: options.redact === true }));

  cli.io.stderr.write(failedChecksText(checks));
  if (options.copy) {
    const parts = payloadParts(report);
    await cli.io.clipboard.write(parts?.payload ? nodeJsonText(parts.payload) : (parts?.payloadText ?? ''));
    note(cli, g, 'payload copied to the clipboard');
  }
  return { command: 'decode', checks, claimMissing };
}

function printRaw(cli: Cli, g: GlobalOptions, report: InspectReport, part: 'header' | 'payload' | 'signature'): void {
  let out: string;
  if (part === 'header') out = nodeJsonText(report.header, 0);
  else if (part === 'signature') {
    const sig = report.signature === null ? null : signatureBase64url(report.decoded);
    if (sig === null) throw new InspectError('ERR_MALFORMED_TOKEN', 'this token has no signature part to print (a JWE, or a redacted copy)');
    out = sig;
  } else {
    const parts = payloadParts(report);
    if (parts === null) throw new InspectError('ERR_MALFORMED_TOKEN', 'the payload of a JWE is encrypted; decrypt it with --decrypt-key');
    out =
      parts.payload !== null ? nodeJsonText(parts.payload, 0) : parts.payloadText !== null ? escapeTerminal(parts.payloadText) : (parts.payloadBase64url ?? '');
  }
  if (!g.quiet) cli.io.stdout.write(`${out}\n`);
}

/** Whose payload --raw payload and --copy give: a JWE's decrypted contents (null until decrypted), else the token's own. */
function payloadParts(report: InspectReport): TokenParts | null {
  return report.token.kind === 'JWE' ? report.inner : report;
}

/** Print the claim `--claim` names; false, with a note on stderr, when the token has no such claim. */
function printClaim(cli: Cli, g: GlobalOptions, report: InspectReport, text: string): boolean {
  // The claims --expect reads.
  const node = resolvePath(claimPathOption('--claim', text), report.header, trustedClaims(report));
  if (node === undefined) {
    cli.io.stderr.write(`jwt-inspect: no claim ${escapeTerminal(text)} in the token\n`);
    return false;
  }
  if (!g.quiet) cli.io.stdout.write(`${node.type === 'string' ? escapeTerminal(node.value) : nodeJsonText(node, 0)}\n`);
  return true;
}
