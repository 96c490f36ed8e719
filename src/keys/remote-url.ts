/** `localhost` and its subdomains (RFC 6761 §6.3), 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  // The URL parser has already written any IPv4 form (127.1, 0x7f.1) as four decimal parts.
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Why a URL may not be fetched, or null when it may: keys travel over
 * https only, because a key fetched in the clear proves nothing; plain http
 * is allowed to loopback hosts (a local test IdP) or with `--allow-http`.
 */
export function remoteUrlProblem(url: URL, allowHttp: boolean): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return `only https:// URLs can be fetched, not ${url.protocol}`;
  if (allowHttp || isLoopbackHost(url.hostname)) return null;
  return 'keys fetched over plain http:// can be swapped in transit; use https://, or --allow-http if you accept that risk';
}
