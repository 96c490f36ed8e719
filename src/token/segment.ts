import { decode as decodeBase64url, encode as encodeBase64url } from 'jose/base64url';

/** One dot-separated part of a compact token, decoded leniently and judged strictly. */
export interface Segment {
  readonly raw: string;
  /** null when the part cannot be decoded even leniently. */
  readonly bytes: Uint8Array | null;
  /** Characters outside the base64url alphabet (`=`, `+`, `/`, ...): RFC 7515 §2. */
  readonly illegal: boolean;
  /** Decodes, but another encoding of the same bytes is the canonical one (token malleability). */
  readonly nonCanonical: boolean;
}

const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function decodeSegment(raw: string): Segment {
  const illegal = !ALPHABET.test(raw);
  // Standard base64 and padding still decode to the intended bytes, so the
  // token can be shown; the illegal-characters finding says what is wrong.
  const normalised = raw.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  let bytes: Uint8Array | null = null;
  if (ALPHABET.test(normalised) && normalised.length % 4 !== 1) {
    try {
      bytes = decodeBase64url(normalised);
    } catch {
      bytes = null;
    }
  }
  const nonCanonical = bytes !== null && encodeBase64url(bytes) !== raw;
  return { raw, bytes, illegal, nonCanonical };
}

export function encodeSegment(bytes: Uint8Array): string {
  return encodeBase64url(bytes);
}
