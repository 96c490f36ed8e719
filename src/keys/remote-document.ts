import { X509Certificate } from 'node:crypto';
import { InspectError } from '../errors.js';
import type { Io } from '../io/io.js';
import { cacheName, encodeEntry, isFresh, maxAgeOf, parseEntry } from './cache-entry.js';
import { isRecord, secretMembers } from './jwk.js';
import { remoteUrlProblem } from './remote-url.js';

/** How remote key documents are fetched (`--timeout`, `--allow-http`, `--ca`, `--no-cache`). */
export interface RemoteOptions {
  readonly timeoutMs: number;
  readonly allowHttp: boolean;
  readonly ca: string | null;
  readonly useCache: boolean;
  /** Tells the user of a cache that could not be used; the fetch goes on without it. */
  readonly note: (message: string) => void;
}

/** A key document larger than this is refused: real ones are a few kilobytes. */
const MAX_DOCUMENT_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function networkError(url: string, reason: string): InspectError {
  return new InspectError('ERR_NETWORK', `${url}: ${reason}`);
}

export interface Fetched<T> {
  readonly value: T;
  readonly fromCache: boolean;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JWKS or JWK with private members, or the secret of an oct key: what a careless server publishes. */
function holdsSecretKeyMaterial(json: unknown): boolean {
  const entries: unknown[] = isRecord(json) && Array.isArray(json['keys']) ? json['keys'] : [json];
  return entries.some((jwk) => isRecord(jwk) && secretMembers(jwk).length > 0);
}

/** What a fresh cache entry holds, read by `read`; null when there is none to use, with a note when the entry is corrupt. */
async function readCached<T>(io: Io, url: string, options: RemoteOptions, read: (json: unknown) => T | Promise<T>): Promise<{ value: T } | null> {
  const text = await io.cache.read(cacheName(url));
  if (text === null) return null;
  const entry = parseEntry(text, url);
  const json = entry === null ? undefined : parseBody(entry.body);
  if (entry === null || json === undefined) {
    options.note(`the cache was skipped: the cached copy of ${url} is corrupt; fetched afresh`);
    return null;
  }
  if (!isFresh(entry, io.now())) return null;
  try {
    return { value: await read(json) };
  } catch {
    // An entry that no longer reads (fetched under other options) is as good as none: fetch afresh.
    return null;
  }
}

/**
 * A JSON document from a URL, read by `read` (which throws an ERR_NETWORK
 * naming the URL when the document is not what it should be). A fresh cache
 * entry is used unless `bypassCache`; only a document `read` accepted is
 * cached, so a broken answer is never kept.
 */
export async function fetchJsonDocument<T>(
  io: Io,
  url: string,
  options: RemoteOptions,
  read: (json: unknown) => T | Promise<T>,
  bypassCache = false,
): Promise<Fetched<T>> {
  if (options.useCache && !bypassCache) {
    const cached = await readCached(io, url, options, read);
    if (cached !== null) return { value: cached.value, fromCache: true };
  }
  const response = await io.httpGet({
    url,
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_DOCUMENT_BYTES,
    maxRedirects: MAX_REDIRECTS,
    urlProblem: (redirected) => remoteUrlProblem(redirected, options.allowHttp),
    ca: options.ca,
    accept: 'application/json, application/jwk-set+json;q=0.9',
  });
  if (response.status < 200 || response.status > 299)
    throw networkError(url, `HTTP ${response.status} from ${response.url}; expected 200 with a JSON document`);
  let text: string;
  try {
    text = utf8.decode(response.body);
  } catch {
    throw networkError(url, 'the response is not UTF-8 text, so not JSON');
  }
  const json = parseBody(text);
  if (json === undefined) throw networkError(url, `the response is not JSON (content-type ${response.headers['content-type'] ?? 'not given'})`);
  const value = await read(json);
  const maxAge = maxAgeOf(response.headers['cache-control']);
  // Secret key material is never copied to disk, where it would outlive the run: such a set is fetched each time.
  if (options.useCache && maxAge > 0 && !holdsSecretKeyMaterial(json)) {
    try {
      await io.cache.write(cacheName(url), encodeEntry(url, io.now(), maxAge, text));
    } catch (error) {
      options.note(`the cache was skipped: ${(error as Error).message}`);
    }
  }
  return { value, fromCache: false };
}

/** The `--ca` file: PEM certificates to trust besides the system's, checked now rather than at connect time. */
export async function loadCa(io: Io, path: string): Promise<string> {
  const text = new TextDecoder().decode(await io.readFile(path, MAX_DOCUMENT_BYTES));
  try {
    new X509Certificate(text);
  } catch (cause) {
    throw new InspectError('ERR_BAD_CERTIFICATE', `--ca ${path}: not a PEM certificate (-----BEGIN CERTIFICATE-----)`, { cause });
  }
  return text;
}
