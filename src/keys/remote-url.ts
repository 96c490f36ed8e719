/**
 * `localhost` names (RFC 6761 §6.3) and loopback addresses: 127.0.0.0/8,
 * ::1, and 127.0.0.0/8 mapped into IPv6 (RFC 4291 §2.5.5.2). `hostname` is
 * a URL's, which the URL parser has already written in one form: IPv4 as
 * four decimal parts (127.1, 0x7f.1), IPv6 in brackets, lower case, shortest.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (/(?:^|\.)localhost\.?$/.test(host)) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host.startsWith('127.');
  return host === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
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
