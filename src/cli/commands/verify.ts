import { Command } from 'commander';
import { addCheckOptions } from '../check-options.js';
import { globalOptions, settle, type Cli } from '../context.js';
import { addDecryptOptions } from '../decrypt-options.js';
import { addSourceOptions } from '../input.js';
import { addKeySourceOptions } from '../key-options.js';
import { addRemoteOptions } from '../remote-options.js';
import { addVerifyPolicyOptions, type VerifyOptions } from './verify-options.js';

const EXAMPLES = `
Examples:
  $ jwt-inspect verify --secret-env JWT_SECRET "$TOKEN"
  $ jwt-inspect verify --key public.pem --aud api://orders "$TOKEN"
  $ jwt-inspect verify --jwks https://idp.example.com/.well-known/jwks.json "$TOKEN"
  $ jwt-inspect verify --issuer https://accounts.google.com --aud "$CLIENT_ID" "$ID_TOKEN"
  $ jwt-inspect verify --json --key cert.pem "$TOKEN" | jq .verification.errors
  $ jwt-inspect verify --decrypt-key enc.pem --jwks jwks.json "$JWE"

Exit codes: 0 valid, 1 invalid (signature or claims), 2 usage, 3 bad token or key, 4 network.
`;

export function verifyCommand(cli: Cli): Command {
  const withKeys = addKeySourceOptions(
    addSourceOptions(
      new Command('verify')
        .summary('check the signature and the claims against a secret, a key, a JWKS or an issuer')
        .description(
          'Verify a JWT: its signature against exactly one key source, then exp and nbf and every claim check asked for. Every failure is listed; a key inside the token (jwk, x5c, jku, x5u) is never used.',
        )
        .argument('[token]', 'the token, or text holding one (Bearer header, cookie, URL, JSON); - for stdin'),
    ),
    '--decrypt-secret-env',
  );
  return addRemoteOptions(addCheckOptions(addVerifyPolicyOptions(addDecryptOptions(withKeys))))
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: VerifyOptions, cmd: Command) => {
      // The key, network and crypto code load only when verify runs.
      const { runVerify } = await import('./verify-run.js');
      settle(cli, cmd, await runVerify(cli, globalOptions(cli, cmd), token, options));
    });
}
