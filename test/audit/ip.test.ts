import { BlockList, isIP } from 'node:net';
import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { addressRange, ipFamily, type AddressRange } from '../../src/audit/ip.js';

const RUNS = fuzzSettings(500);

/** The same ranges as a node:net BlockList: the reference the pure code must agree with. */
const REFERENCE: ReadonlyArray<readonly [AddressRange, BlockList]> = (
  [
    [
      'loopback',
      [
        ['127.0.0.0', 8, 'ipv4'],
        ['::1', 128, 'ipv6'],
      ],
    ],
    [
      'private',
      [
        ['10.0.0.0', 8, 'ipv4'],
        ['172.16.0.0', 12, 'ipv4'],
        ['192.168.0.0', 16, 'ipv4'],
        ['fc00::', 7, 'ipv6'],
      ],
    ],
    [
      'link-local',
      [
        ['169.254.0.0', 16, 'ipv4'],
        ['fe80::', 10, 'ipv6'],
      ],
    ],
    ['shared', [['100.64.0.0', 10, 'ipv4']]],
    [
      'unspecified',
      [
        ['0.0.0.0', 8, 'ipv4'],
        ['::', 128, 'ipv6'],
      ],
    ],
  ] as const
).map(([range, subnets]) => {
  const list = new BlockList();
  for (const [address, prefix, family] of subnets) list.addSubnet(address, prefix, family);
  return [range, list] as const;
});

function referenceRange(ip: string): AddressRange | null {
  const type = isIP(ip) === 4 ? 'ipv4' : 'ipv6';
  return REFERENCE.find(([, list]) => list.check(ip, type))?.[0] ?? null;
}

/** Addresses that land in the special ranges often enough to test them. */
const specialV4 = fc.tuple(fc.constantFrom(0, 10, 100, 127, 169, 172, 192, 8), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.'));
const specialV6 = fc
  .tuple(fc.constantFrom('fc', 'fd', 'fe8', 'fe9', 'feb', 'fec', '20', ''), fc.array(fc.stringMatching(/^[0-9a-f]{1,4}$/), { maxLength: 6 }))
  .map(([prefix, groups]) => `${prefix}${prefix === '' ? '' : '00'}::${groups.join(':')}`);

describe('ipFamily agrees with node:net isIP', () => {
  it.each([
    ['1:2:3:4:5:6:7::'],
    ['::'],
    ['fe80::1%eth0'],
    ['fe80::1%'],
    ['::ffff:1.2.3.4'],
    ['1:2:3:4:5:6:7:1.2.3.4'],
    ['01.2.3.4'],
    ['1.2.3.4 '],
    ['1:2:3:4:5:6:7:8:9'],
    ['12345::'],
    ['1:::2'],
    ['1.2.3.4%1'],
    ['::1.2.3.4'],
    ['1:2:3:4:5:6:7::8'],
    ['1:2:3:4::5:1.2.3.4'],
    ['1.2.3.4::'],
  ])('%s', (text) => {
    expect(ipFamily(text)).toBe(isIP(text));
  });

  it('on generated addresses and noise', () => {
    const text = fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6(), specialV6, fc.string(), fc.stringMatching(/^[0-9a-f:.%]{0,40}$/));
    fc.assert(
      fc.property(text, (t) => ipFamily(t) === isIP(t)),
      RUNS,
    );
  });
});

describe('addressRange agrees with a node:net BlockList', () => {
  it.each([
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['[::1]', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['8.8.8.8', null],
    ['x', null],
  ])('%s is %s', (ip, range) => {
    expect(addressRange(ip)).toBe(range);
  });

  it('on generated addresses', () => {
    const mapped = specialV4.map((v4) => `::ffff:${v4}`);
    const ip = fc.oneof(fc.ipV4(), specialV4, fc.ipV6(), specialV6, mapped).filter((t) => isIP(t) !== 0);
    fc.assert(
      fc.property(ip, (t) => addressRange(t) === referenceRange(t)),
      RUNS,
    );
  });
});
