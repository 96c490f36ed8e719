import { member, type JsonNode } from '../token/json.js';

const INTEGER = /^-?\d+$/;

/**
 * Order two JSON numbers as written: integers by their digits (a 64-bit id
 * must not compare equal to its rounded neighbour), anything else as doubles.
 */
export function compareNumberText(a: string, b: string): number {
  if (INTEGER.test(a) && INTEGER.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function memberNames(node: Extract<JsonNode, { type: 'object' }>): Set<string> {
  return new Set(node.entries.map(([name]) => name));
}

/**
 * Do two values say the same? Member order does not matter, duplicate names
 * are read as a recipient reads them (the last one wins), `1.0` equals `1`.
 */
export function jsonEqual(a: JsonNode, b: JsonNode): boolean {
  switch (a.type) {
    case 'object': {
      if (b.type !== 'object') return false;
      const names = memberNames(a);
      const other = memberNames(b);
      if (names.size !== other.size) return false;
      for (const name of names) {
        const theirs = member(b, name);
        if (theirs === undefined || !jsonEqual(member(a, name)!, theirs)) return false;
      }
      return true;
    }
    case 'array':
      return b.type === 'array' && a.items.length === b.items.length && a.items.every((item, i) => jsonEqual(item, b.items[i]!));
    case 'number':
      return b.type === 'number' && compareNumberText(a.raw, b.raw) === 0;
    case 'null':
      return b.type === 'null';
    default:
      return a.type === b.type && a.value === (b as typeof a).value;
  }
}
