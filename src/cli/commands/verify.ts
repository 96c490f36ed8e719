import { Command } from 'commander';
import { addCheckOptions, type CheckOptions } from '../check-options.js';
import type { Cli } from '../context.js';
import { addDecryptOptions, type DecryptOptions } from '../decrypt-options.js';
import { addSourceOptions } from '../input.js';
import { addKeySourceOptions, type KeyOptionValues } from '../key-options.js';
import { collect, durationArg } from '../parsers.js';
import { addRemoteOptions } from '../remote-options.js';

export interface VerifyOptions extends KeyOptionValues, DecryptOptions, CheckOptions {
  readonly file?: string;
  readonly clipboard?: boolean;
  readonly pick?: string;
  readonly alg?: string[];
  readonly iss?: string;
  readonly aud?: string[];
  readonly sub?: string;
  readonly typ?: string;
  readonly maxAge?: number;
  readonly require?: string[];
  readonly failOnWeakKey?: boolean;
}

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

/** A comma-separated list option that may also be repeated: `--alg RS256,ES256 --alg PS256`. */
function list(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

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
  const withClaims = addDecryptOptions(withKeys)
    .option('--alg <list>', 'allowed algorithms, comma-separated (default: what the key can verify; none is never accepted)', list)
    .option('--iss <value>', 'require this issuer')
    .option('--aud <value>', 'require this audience, repeatable (any one of them)', collect)
    .option('--sub <value>', 'require this subject')
    .option('--typ <value>', 'require this header typ (JWT matches application/jwt)')
    .option('--max-age <duration>', 'reject tokens issued (iat) longer ago than this', durationArg)
    .option('--require <claims>', 'require these claims to be present, comma-separated, repeatable', list)
    .option('--fail-on-weak-key', 'exit 1 when the key that verified is too weak to trust (an HMAC secret shorter than its hash)');
  return addRemoteOptions(addCheckOptions(withClaims))
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: VerifyOptions, cmd: Command) => {
      // The key, network and crypto code load only when verify runs.
      const { runVerify } = await import('./verify-run.js');
      await runVerify(cli, cmd, token, options);
    });
}
