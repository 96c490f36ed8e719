import type { Env } from './io.js';

/** The first of these variables set to something, and its name. */
function firstSet(env: Env, names: readonly string[]): { readonly name: string; readonly value: string } | undefined {
  return names.map((name) => ({ name, value: env[name]?.trim() ?? '' })).find(({ value }) => value !== '');
}

/** The host without IPv6 brackets, and the port a URL really uses. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Does a NO_PROXY list exempt this URL? Entries are separated by commas or
 * spaces: `*` for every host, a host or domain (`example.com` also covers
 * `api.example.com`; a leading `.` or `*.` is the same), optionally `:port`.
 * This is curl's reading, which most tools share.
 */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = hostOf(url).toLowerCase();
  const port = portOf(url);
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((raw) => {
      if (raw === '*') return true;
      const m = /^(?:\*?\.)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(raw.toLowerCase());
      if (!m) return false;
      const name = m[1]!.replace(/^\[|\]$/g, '');
      if (m[2] !== undefined && Number(m[2]) !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}

/**
 * The proxy for a URL from HTTPS_PROXY / HTTP_PROXY (lower case first, as
 * curl reads them) and NO_PROXY; null for a direct connection. A proxy
 * written without a scheme is an http:// one. Throws when the variable is
 * not a URL or names a proxy this client cannot speak to.
 */
export function proxyFor(url: URL, env: Env): URL | null {
  const names = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const variable = firstSet(env, names);
  if (variable === undefined || bypassesProxy(url, firstSet(env, ['no_proxy', 'NO_PROXY'])?.value)) return null;
  const text = variable.value;
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new Error(`the proxy variable ${variable.name} is not a URL`);
  }
  if (proxy.protocol !== 'http:') throw new Error(`proxy ${proxy.host}: only http:// proxies are supported, not ${proxy.protocol}`);
  return proxy;
}

/** Basic credentials for a proxy written as http://user:pass@host (RFC 7235 §4.4). */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
