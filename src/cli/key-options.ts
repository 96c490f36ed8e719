import type { Command } from 'commander';
import type { KeyOptions } from '../keys/spec.js';
import { addRemoteOptions, type RemoteFlags } from './remote-options.js';

/** The key options of verify and scan, with the ones for remote keys. */
export interface KeyOptionValues extends KeyOptions, RemoteFlags {}

/**
 * Exactly one key source (CONTRACT.md "verify"), the same for verify and
 * scan; `alsoBase64` names another option `--secret-base64` decodes.
 */
export function addKeySourceOptions(cmd: Command, alsoBase64?: string): Command {
  return cmd
    .option('--secret <text>', 'HMAC secret as UTF-8 text (other users can see it in the process list: prefer --secret-env)')
    .option('--secret-env <VAR>', 'HMAC secret from an environment variable')
    .option('--secret-file <path>', 'HMAC secret from a file (bytes as they are, one trailing newline dropped)')
    .option('--secret-base64', `the secret${alsoBase64 === undefined ? '' : ` (and ${alsoBase64})`} is base64 or base64url: decode it first`)
    .option('--key <path>', 'PEM public key, private key, RSA public key or certificate; a JWK; a JWKS file; - for stdin')
    .option('--jwks <url-or-path>', 'a JWKS, remote or local: the key is chosen by kid')
    .option('--issuer <url>', 'OpenID Connect discovery from <url>/.well-known/openid-configuration; also requires iss to equal <url>');
}

/** The key sources and how remote keys are fetched, one after the other (scan). */
export function addKeyOptions(cmd: Command): Command {
  return addRemoteOptions(addKeySourceOptions(cmd));
}
