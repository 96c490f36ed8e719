import { X509Certificate } from 'node:crypto';
import { InspectError } from '../errors.js';
import type { Io } from '../io/io.js';
import { cacheName, encodeEntry, freshBody, maxAgeOf } from './cache-entry.js';

/** How remote key documents are fetched (`--timeout`, `--allow-http`, `--ca`, `--no-cache`). */
export interface RemoteOptions {
  readonly timeoutMs: number;
  readonly allowHttp: boolean;
  readonly ca: string | null;
  readonly useCache: boolean;
}

/** A key document larger than this is refused: real ones are a few kilobytes. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 3;

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
  const name = cacheName(url);
  if (options.useCache && !bypassCache) {
    const entry = await io.cache.read(name);
    const body = entry === null ? null : freshBody(entry, url, io.now());
    const json = body === null ? undefined : parseBody(body);
    if (json !== undefined) {
      try {
        return { value: await read(json), fromCache: true };
      } catch {
        // An entry that no longer reads is as good as none: fetch afresh.
      }
    }
  }
  const response = await io.httpGet({
    url,
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_DOCUMENT_BYTES,
    maxRedirects: MAX_REDIRECTS,
    allowHttp: options.allowHttp,
    ca: options.ca,
    accept: 'application/json, application/jwk-set+json;q=0.9',
  });
  if (response.status < 200 || response.status > 299) throw networkError(url, `HTTP ${response.status} from ${response.url}; expected 200 with a JSON document`);
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
  if (options.useCache && maxAge > 0) await io.cache.write(name, encodeEntry(url, io.now(), maxAge, text));
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
