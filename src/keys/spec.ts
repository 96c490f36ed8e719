import { usageError } from '../errors.js';
import { remoteUrlProblem } from './remote-url.js';

/** Which key source was asked for: what loading the keys needs, before anything is loaded. */
export type KeySpec =
  | { readonly kind: 'secret'; readonly from: 'argument' | 'env' | 'file'; readonly value: string; readonly base64: boolean }
  | { readonly kind: 'key-file'; readonly path: string }
  | { readonly kind: 'jwks-file'; readonly path: string }
  | { readonly kind: 'jwks-url'; readonly url: string }
  | { readonly kind: 'issuer'; readonly issuer: string };

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A scheme and `//`: a URL to fetch keys from, not a file (`--jwks`, the argument of jwks). */
export function looksLikeUrl(text: string): boolean {
  return URL_LIKE.test(text);
}

// INTERIM, to be deleted: scan-run.ts still imports keySpecOf from here, and it is being changed
// elsewhere. The flag parsing lives in cli/key-options.ts; once scan-run.ts imports keySpecOf from
// there, everything below goes and keys/ names no command-line flag.

interface ScanKeyOptions {
  readonly secret?: string;
  readonly secretEnv?: string;
  readonly secretFile?: string;
  readonly secretBase64?: boolean;
  readonly key?: string;
  readonly jwks?: string;
  readonly issuer?: string;
  readonly allowHttp?: boolean;
}

function remoteUrlOption(option: string, text: string, allowHttp: boolean): string {
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

/** A copy of cli/key-options.ts keySpecOf, for scan-run.ts only (see above). */
export function keySpecOf(options: ScanKeyOptions): KeySpec | null {
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
    return looksLikeUrl(options.jwks) ? { kind: 'jwks-url', url: remoteUrlOption('--jwks', options.jwks, allowHttp) } : { kind: 'jwks-file', path: options.jwks };
  }
  if (options.issuer === undefined) return null;
  remoteUrlOption('--issuer', options.issuer, allowHttp);
  return { kind: 'issuer', issuer: options.issuer };
}
