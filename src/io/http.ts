import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import { InspectError } from '../errors.js';
import { VERSION } from '../version.js';
import type { Env, HttpRequest, HttpResponse } from './io.js';
import { hostOf, portOf, proxyAuthorization, proxyFor } from './proxy.js';

/** RFC 9110 §15.4: the redirects that carry a Location to follow. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A reason to give up, already in words for the user. */
class Refusal extends Error {}

/** Node's error codes, in words; certificate problems point at `--ca`. */
const FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed; trust it with --ca <pem>',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chain ends in an untrusted root; trust it with --ca <pem>',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not signed by a trusted CA; trust its CA with --ca <pem>',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server certificate is not signed by a trusted CA; trust its CA with --ca <pem>',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate is for another host name',
};

function describeFailure(cause: unknown): string {
  if (cause instanceof Refusal) return cause.message;
  const code = (cause as NodeJS.ErrnoException).code;
  if (code !== undefined && FAILURES[code] !== undefined) return `${FAILURES[code]} (${code})`;
  return cause instanceof Error ? cause.message : String(cause);
}

function tlsOptions(url: URL, ca: string | null): tls.ConnectionOptions {
  const host = hostOf(url);
  return {
    // Node's `ca` replaces the system roots; `--ca` adds to them.
    ...(ca === null ? {} : { ca: [...tls.rootCertificates, ca] }),
    // SNI carries host names only (RFC 6066 §3).
    ...(isIP(host) === 0 ? { servername: host } : {}),
  };
}

function responseOf(request: http.ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

/** An HTTP CONNECT tunnel through the proxy to the target's host and port (RFC 9110 §9.3.6). */
function tunnel(proxy: URL, target: URL, signal: AbortSignal): Promise<Socket> {
  const authority = `${target.hostname}:${portOf(target)}`;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: hostOf(proxy),
      port: portOf(proxy),
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) },
      agent: false,
      signal,
    });
    request.once('connect', (response: IncomingMessage, socket: Socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new Refusal(`the proxy ${proxy.host} refused the tunnel (HTTP ${response.statusCode})`));
    });
    request.once('error', reject);
    request.end();
  });
}

async function send(url: URL, request: HttpRequest, env: Env, signal: AbortSignal): Promise<IncomingMessage> {
  const headers = { accept: request.accept, 'user-agent': `jwt-inspect/${VERSION}`, host: url.host };
  let proxy: URL | null;
  try {
    proxy = proxyFor(url, env);
  } catch (error) {
    throw new Refusal((error as Error).message);
  }
  const target = { host: hostOf(url), port: portOf(url), path: `${url.pathname}${url.search}`, headers, signal };
  if (proxy === null) {
    const direct = { ...target, agent: false };
    return responseOf(url.protocol === 'https:' ? https.request({ ...direct, ...tlsOptions(url, request.ca) }) : http.request(direct));
  }
  // Plain http goes to the proxy with the absolute URL as its target (RFC 9112 §3.2.2).
  if (url.protocol === 'http:') {
    const viaProxy = { host: hostOf(proxy), port: portOf(proxy), path: url.href, headers: { ...headers, ...proxyAuthorization(proxy) } };
    return responseOf(http.request({ ...target, ...viaProxy, agent: false }));
  }
  // https through the tunnel: TLS end to end with the server, the proxy sees only bytes.
  const socket = await tunnel(proxy, url, signal);
  return responseOf(http.request({ ...target, createConnection: () => tls.connect({ socket, ...tlsOptions(url, request.ca) }) }));
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const over = new Refusal(`the response is larger than ${maxBytes} bytes; a key document is never that big`);
  if (Number(response.headers['content-length']) > maxBytes) {
    response.destroy();
    throw over;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      response.destroy();
      throw over;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * No Accept-Encoding is sent, so a compressed body was never asked for
 * (RFC 9110 §12.5.3); refusing it rather than inflating it also defuses a
 * gzip bomb, whose few kilobytes would pass the size cap.
 */
function refuseEncoded(response: IncomingMessage): void {
  const encoding = response.headers['content-encoding'];
  if (encoding === undefined || encoding.toLowerCase() === 'identity') return;
  response.destroy();
  throw new Refusal(`the response is compressed (Content-Encoding: ${encoding}), which was not asked for; refused rather than inflated`);
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly location: string | undefined;
  readonly body: Uint8Array;
}

function flatHeaders(response: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}

/** One request, under its own timeout, from connecting to the last byte. */
async function getOnce(url: URL, request: HttpRequest, env: Env): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await send(url, request, env, controller.signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location !== undefined) {
      response.destroy();
      return { status, headers: flatHeaders(response), location, body: new Uint8Array() };
    }
    refuseEncoded(response);
    return { status, headers: flatHeaders(response), location: undefined, body: await readBody(response, request.maxBytes) };
  } catch (cause) {
    if (controller.signal.aborted) throw new Refusal(`no complete answer within ${request.timeoutMs / 1000}s (raise it with --timeout)`);
    throw cause;
  } finally {
    clearTimeout(timer);
  }
}

/** The next URL of a redirect, or why it is not followed. */
function redirectTarget(from: URL, location: string, seen: ReadonlySet<string>, hops: number, request: HttpRequest): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new Refusal(`redirected to ${JSON.stringify(location)}, which is not a URL`);
  }
  if (seen.has(next.href)) throw new Refusal(`redirect loop (back to ${next.href})`);
  if (hops >= request.maxRedirects) throw new Refusal(`more than ${request.maxRedirects} redirects`);
  // Keys fetched in the clear could be swapped on the way, so a secure fetch never continues over http.
  if (from.protocol === 'https:' && next.protocol !== 'https:') throw new Refusal(`redirected from https to ${next.href}; refused`);
  const problem = request.urlProblem(next);
  if (problem !== null) throw new Refusal(`redirected to ${next.href}: ${problem}`);
  return next;
}

/**
 * GET a URL the way a key fetch must: redirects followed but bounded, never
 * from https to http, a timeout on each request and a cap on the body, the
 * proxy variables of `env` honoured. Every failure is one ERR_NETWORK line
 * that starts with the URL asked for.
 */
export async function httpGet(request: HttpRequest, env: Env): Promise<HttpResponse> {
  let url = new URL(request.url);
  const seen = new Set<string>([url.href]);
  try {
    for (let hops = 0; ; hops++) {
      const answer = await getOnce(url, request, env);
      if (answer.location === undefined) return { url: url.href, status: answer.status, headers: answer.headers, body: answer.body };
      url = redirectTarget(url, answer.location, seen, hops, request);
      seen.add(url.href);
    }
  } catch (cause) {
    throw new InspectError('ERR_NETWORK', `${request.url}: ${describeFailure(cause)}`, { cause });
  }
}
