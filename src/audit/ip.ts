/**
 * IP address syntax and special ranges, written to agree with node:net's
 * isIP() and BlockList (test/audit/ip.test.ts checks them against each
 * other). node:net itself stays off the start-up path the rules are on.
 */

/** Dotted decimal without leading zeros (RFC 6943 §3.1.1 strict form), as node:net accepts it. */
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
/** An RFC 4007 zone id, as node:net allows it. */
const ZONE = /%[0-9a-zA-Z.:-]+$/;

function ipv4Value(text: string): number | null {
  if (!IPV4.test(text)) return null;
  return text.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** The 128-bit value of an RFC 4291 §2.2 text address (zone id dropped), or null. */
function ipv6Value(text: string): bigint | null {
  const address = text.replace(ZONE, '');
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): bigint[] | null => {
    if (half === '') return [];
    const out: bigint[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      const v4 = i === parts.length - 1 && part.includes('.') ? ipv4Value(part) : null;
      if (v4 !== null) out.push(BigInt(v4 >>> 16), BigInt(v4 & 0xffff));
      else if (HEX_GROUP.test(part)) out.push(BigInt(`0x${part}`));
      else return null;
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === null || tail === null) return null;
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const explicit = head.length + tail.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  const groups = [...head, ...Array<bigint>(8 - explicit).fill(0n), ...tail];
  return groups.reduce((n, g) => (n << 16n) | g, 0n);
}

/** 4, 6, or 0 for text that is not an IP address: node:net isIP(). */
export function ipFamily(text: string): 4 | 6 | 0 {
  if (ipv4Value(text) !== null) return 4;
  return text.includes(':') && ipv6Value(text) !== null ? 6 : 0;
}

/** Where an address points; public addresses have no range. */
export type AddressRange = 'loopback' | 'private' | 'link-local' | 'shared' | 'unspecified';

type Block = readonly [AddressRange, bigint, number];

/**
 * Special-purpose ranges (RFC 6890): loopback, RFC 1918 and RFC 4193
 * private, link-local (169.254.169.254, the cloud metadata service, is in
 * it), RFC 6598 shared (CGNAT) and "this network": the set detect-secrets'
 * ip_public.py excludes.
 */
const IPV4_BLOCKS: readonly Block[] = [
  ['loopback', 0x7f000000n, 8],
  ['private', 0x0a000000n, 8],
  ['private', 0xac100000n, 12],
  ['private', 0xc0a80000n, 16],
  ['link-local', 0xa9fe0000n, 16],
  ['shared', 0x64400000n, 10],
  ['unspecified', 0n, 8],
];
const IPV6_BLOCKS: readonly Block[] = [
  ['loopback', 1n, 128],
  ['unspecified', 0n, 128],
  ['private', 0xfc00n << 112n, 7],
  ['link-local', 0xfe80n << 112n, 10],
];
/** ::ffff:0:0/96, IPv4-mapped addresses (RFC 4291 §2.5.5.2). */
const MAPPED_PREFIX = 0xffffn << 32n;

function rangeOf(value: bigint, bits: number, blocks: readonly Block[]): AddressRange | null {
  const match = blocks.find(([, base, prefix]) => value >> BigInt(bits - prefix) === base >> BigInt(bits - prefix));
  return match?.[0] ?? null;
}

/** The special range an IP address is in; null for a public address or for text that is not one. */
export function addressRange(ip: string): AddressRange | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = ipv4Value(bare);
  if (v4 !== null) return rangeOf(BigInt(v4), 32, IPV4_BLOCKS);
  const v6 = bare.includes(':') ? ipv6Value(bare) : null;
  if (v6 === null) return null;
  if (v6 >> 32n === MAPPED_PREFIX >> 32n) return rangeOf(v6 & 0xffffffffn, 32, IPV4_BLOCKS);
  return rangeOf(v6, 128, IPV6_BLOCKS);
}
