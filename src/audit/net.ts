import { BlockList, isIP } from 'node:net';

/** Where an address points: nowhere public is worth a finding of its own. */
export type AddressRange = 'loopback' | 'private' | 'link-local' | 'shared' | 'unspecified';

/**
 * Special-purpose ranges (RFC 6890): loopback, RFC 1918 and RFC 4193
 * private, link-local (169.254.169.254, the cloud metadata service, is in
 * it), RFC 6598 shared (CGNAT) and "this network". The same set
 * detect-secrets' ip_public.py excludes.
 */
const RANGES: ReadonlyArray<readonly [AddressRange, BlockList]> = (
  [
    ['loopback', [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]],
    ['private', [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']]],
    ['link-local', [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]],
    ['shared', [['100.64.0.0', 10, 'ipv4']]],
    ['unspecified', [['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']]],
  ] as const
).map(([range, subnets]) => {
  const list = new BlockList();
  for (const [address, prefix, family] of subnets) list.addSubnet(address, prefix, family);
  return [range, list] as const;
});

/** `::ffff:10.0.0.1` and `::ffff:a00:1` (as the URL parser writes it) are IPv4 addresses. */
function unmapIpv4(ip: string): string | null {
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The special range an IP address is in, null for a public one or for text that is not an address. */
export function addressRange(ip: string): AddressRange | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare);
  if (family === 0) return null;
  const mapped = family === 6 ? unmapIpv4(bare) : null;
  const [address, type] = mapped !== null ? [mapped, 'ipv4' as const] : [bare, family === 4 ? ('ipv4' as const) : ('ipv6' as const)];
  return RANGES.find(([, list]) => list.check(address, type))?.[0] ?? null;
}

export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return isIP(bare) !== 0;
}

/** Names that only resolve inside a network: `localhost` (RFC 6761), `.local` (RFC 6762), `.internal` (ICANN reserved). */
export function isInternalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal');
}

/** `localhost` names (RFC 6761 §6.3) and loopback addresses. */
export function isLoopbackHost(host: string): boolean {
  return /(?:^|\.)localhost\.?$/i.test(host) || addressRange(host) === 'loopback';
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
