/**
 * High-entropy strings, as detect-secrets' high_entropy_strings.py judges
 * them [DS]: Shannon entropy per character over the string, with its
 * default limits of 4.5 bits for base64 text and 3.0 for hex.
 */

const BASE64_TEXT = /^[A-Za-z0-9+/_=-]+$/;
const HEX_TEXT = /^[0-9a-fA-F]+$/;
/** RFC 9562 UUIDs are identifiers, not secrets. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const MIN_LENGTH = 16;
const BASE64_LIMIT = 4.5;
const HEX_LIMIT = 3.0;

export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...text].length;
  let bits = 0;
  for (const c of counts.values()) bits -= (c / n) * Math.log2(c / n);
  return bits;
}

/** Random-looking enough to be a key or a token. */
export function isHighEntropy(value: string): boolean {
  if (value.length < MIN_LENGTH || UUID.test(value)) return false;
  if (HEX_TEXT.test(value)) return shannonEntropy(value) >= HEX_LIMIT;
  return BASE64_TEXT.test(value) && shannonEntropy(value) >= BASE64_LIMIT;
}
