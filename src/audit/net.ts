/** Host names and URLs, for the rules about URLs in headers and claims. */
import { ipFamily } from './ip.js';

export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipFamily(bare) !== 0;
}

/** Names that only resolve inside a network: `localhost` (RFC 6761), `.local` (RFC 6762), `.internal` (ICANN reserved). */
export function isInternalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal');
}

/** A URL, when the text is an absolute one with a host. */
export function parseUrl(text: string): URL | null {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) return null;
  try {
    const url = new URL(text);
    return url.hostname === '' ? null : url;
  } catch {
    return null;
  }
}
