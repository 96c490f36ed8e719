import type { Io } from '../io/io.js';
import { isRecord, keySetFromJwks } from './jwk.js';
import type { KeySet, KeySourceKind } from './key.js';
import { remoteUrlProblem } from './remote-url.js';
import { fetchJsonDocument, networkError, type RemoteOptions } from './remote-document.js';

/**
 * The keys of a remote JWKS. When they came from the cache, `refresh`
 * fetches the document again, for a `kid` the cached copy does not know
 * (the issuer may have rotated its keys since).
 */
export async function keySetFromJwksUrl(
  io: Io,
  url: string,
  options: RemoteOptions,
  source: KeySourceKind,
  origin: string,
  bypassCache = false,
): Promise<KeySet> {
  const { value, fromCache } = await fetchJsonDocument(
    io,
    url,
    options,
    (json) => keySetFromJwks(json, source, origin, (message) => networkError(url, message)),
    bypassCache,
  );
  return fromCache ? { ...value, refresh: () => keySetFromJwksUrl(io, url, options, source, origin, true) } : value;
}

/** OpenID Connect Discovery 1.0 §4: the configuration sits under the issuer, whose trailing slash is dropped first. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

function jwksUriOf(json: unknown, issuer: string, url: string, allowHttp: boolean): string {
  if (!isRecord(json)) throw networkError(url, 'not an OpenID configuration: expected a JSON object');
  // §4.3: the issuer in the document must be identical to the one asked for, or another party's keys could be used.
  if (json['issuer'] !== issuer) throw networkError(url, `the configuration is for issuer ${JSON.stringify(json['issuer'] ?? null)}, not ${issuer}`);
  const jwksUri = json['jwks_uri'];
  if (typeof jwksUri !== 'string') throw networkError(url, 'the configuration has no jwks_uri, so no keys to verify with');
  let parsed: URL;
  try {
    parsed = new URL(jwksUri);
  } catch {
    throw networkError(url, `jwks_uri ${JSON.stringify(jwksUri)} is not a URL`);
  }
  const problem = remoteUrlProblem(parsed, allowHttp);
  if (problem !== null) throw networkError(url, `jwks_uri ${parsed.href}: ${problem}`);
  return parsed.href;
}

/** The keys of an issuer: its discovery document names the JWKS (`jwks_uri`). */
export async function keySetFromIssuer(io: Io, issuer: string, options: RemoteOptions): Promise<KeySet> {
  const url = discoveryUrl(issuer);
  const { value: jwksUri } = await fetchJsonDocument(io, url, options, (json) => jwksUriOf(json, issuer, url, options.allowHttp));
  return keySetFromJwksUrl(io, jwksUri, options, 'issuer', `issuer ${issuer} (JWKS ${jwksUri})`);
}
