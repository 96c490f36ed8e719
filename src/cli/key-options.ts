import type { Command } from 'commander';
import type { KeyOptions } from '../keys/spec.js';
import { durationArg } from './parsers.js';

/** The key options of verify, with the ones for remote keys; scan takes the same. */
export interface KeyOptionValues extends KeyOptions {
  readonly timeout: number;
  readonly ca?: string;
  readonly cache: boolean;
}

/** Exactly one key source (CONTRACT.md "verify"), and how remote keys are fetched. */
export function addKeyOptions(cmd: Command): Command {
  return cmd
    .option('--secret <text>', 'HMAC secret as UTF-8 text (other users can see it in the process list: prefer --secret-env)')
    .option('--secret-env <VAR>', 'HMAC secret from an environment variable')
    .option('--secret-file <path>', 'HMAC secret from a file (bytes as they are, one trailing newline dropped)')
    .option('--secret-base64', 'the secret is base64 or base64url: decode it first')
    .option('--key <path>', 'PEM public key, private key, RSA public key or certificate; a JWK; a JWKS file')
    .option('--jwks <url-or-path>', 'a JWKS, remote or local: the key is chosen by kid')
    .option('--issuer <url>', 'OpenID Connect discovery from <url>/.well-known/openid-configuration; also requires iss to equal <url>')
    .option('--timeout <duration>', 'for each request for remote keys', durationArg, 5)
    .option('--ca <pem-file>', 'also trust these CA certificates for remote keys')
    .option('--allow-http', 'allow plain http:// for remote keys on hosts that are not loopback')
    .option('--no-cache', 'neither read nor write the disk cache of fetched keys');
}
