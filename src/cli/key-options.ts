import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { remoteUrlProblem } from '../keys/remote-url.js';
import { looksLikeUrl, type KeySpec } from '../keys/spec.js';
import { addRemoteOptions, type RemoteFlags } from './remote-options.js';

/** The key sources as commander gives them (verify, audit, scan; sign takes the secret ones and --key). */
export interface KeySourceOptions {
  readonly secret?: string;
  readonly secretEnv?: string;
  readonly secretFile?: string;
  readonly secretBase64?: boolean;
  readonly key?: string;
  readonly jwks?: string;
  readonly issuer?: string;
}

/**
 * Exactly one key source (README "verify"), the same for verify, audit
 * and scan; `alsoBase64` names another option `--secret-base64` decodes.
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

/** The key sources and how remote keys are fetched: audit's and scan's, and verify's, which adds the two groups apart. */
export interface KeyOptionValues extends KeySourceOptions, RemoteFlags {}

/** The key sources and how remote keys are fetched, one after the other. */
export function addKeyOptions(cmd: Command): Command {
  return addRemoteOptions(addKeySourceOptions(cmd));
}

/** Every key option, for the messages that ask for one. */
export const KEY_OPTIONS = '--secret-env, --secret-file, --secret, --key, --jwks or --issuer';

/** A URL the user gave for keys; a scheme or host that may not be fetched is a usage error, and nothing is sent. */
export function remoteUrlOption(option: string, text: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw usageError(`${option} ${text}: not a URL`, cause);
  }
  const problem = remoteUrlProblem(url, allowHttp);
  if (problem !== null) throw usageError(`${option} ${text}: ${problem}`);
  return url.href;
}

/**
 * The one key source among the options, or null when none was given.
 * Two sources at once, or `--secret-base64` without a secret, is a usage error.
 */
export function keySpecOf(options: KeySourceOptions & { readonly allowHttp?: boolean }): KeySpec | null {
  const given = (
    [
      ['--secret', options.secret],
      ['--secret-env', options.secretEnv],
      ['--secret-file', options.secretFile],
      ['--key', options.key],
      ['--jwks', options.jwks],
      ['--issuer', options.issuer],
    ] as const
  ).filter(([, value]) => value !== undefined);
  if (given.length > 1) throw usageError(`give one key source; got ${given.map(([name]) => name).join(' and ')}`);
  const base64 = options.secretBase64 === true;
  const allowHttp = options.allowHttp === true;
  if (base64 && options.secret === undefined && options.secretEnv === undefined && options.secretFile === undefined) {
    throw usageError('--secret-base64 goes with --secret, --secret-env or --secret-file');
  }
  if (options.secret !== undefined) return { kind: 'secret', from: 'argument', value: options.secret, base64 };
  if (options.secretEnv !== undefined) return { kind: 'secret', from: 'env', value: options.secretEnv, base64 };
  if (options.secretFile !== undefined) return { kind: 'secret', from: 'file', value: options.secretFile, base64 };
  if (options.key !== undefined) return { kind: 'key-file', path: options.key };
  if (options.jwks !== undefined) {
    return looksLikeUrl(options.jwks)
      ? { kind: 'jwks-url', url: remoteUrlOption('--jwks', options.jwks, allowHttp) }
      : { kind: 'jwks-file', path: options.jwks };
  }
  if (options.issuer === undefined) return null;
  remoteUrlOption('--issuer', options.issuer, allowHttp);
  // Kept as typed, not normalised: `iss` must equal it exactly (OpenID Connect Discovery 1.0 §4.3).
  return { kind: 'issuer', issuer: options.issuer };
}
