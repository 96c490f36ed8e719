import { member, type JsonNode } from '../../token/json.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type BirthDate = { readonly kind: 'date'; readonly year: number } | { readonly kind: 'no-year' };

/**
 * A date of birth under a birth-date name: YYYY-MM-DD (or a NumericDate)
 * with 1900 ≤ year < this year. OIDC Core §5.1 allows `0000-MM-DD` when the
 * year is withheld.
 */
export function birthDate(node: JsonNode, now: number): BirthDate | null {
  const thisYear = new Date(now * 1000).getUTCFullYear();
  let year: number;
  if (node.type === 'string') {
    const m = ISO_DATE.exec(node.value.trim());
    if (!m) return null;
    const [, y, mo, d] = m.map(Number) as [number, number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    if (y === 0) return { kind: 'no-year' };
    year = y;
  } else if (node.type === 'number' && Number.isFinite(node.value) && Math.abs(node.value) < 1e11) {
    year = new Date(node.value * 1000).getUTCFullYear();
  } else {
    return null;
  }
  return year >= 1900 && year < thisYear ? { kind: 'date', year } : null;
}

/** OIDC Core §5.1.1 Address Claim members. */
const OIDC_ADDRESS_MEMBERS = ['formatted', 'street_address', 'locality', 'region', 'postal_code', 'country'];

/** The members an OIDC `address` object fills in; empty when it is not one. */
export function oidcAddressMembers(node: JsonNode): string[] {
  if (node.type !== 'object') return [];
  return OIDC_ADDRESS_MEMBERS.filter((name) => {
    const value = member(node, name);
    return value?.type === 'string' && value.value.trim() !== '';
  });
}

/** Under an address name: at least 10 characters holding both digits and letters (`12 Main St`). */
export function looksLikePostalAddress(value: string): boolean {
  return value.trim().length >= 10 && /\d/.test(value) && /\p{L}/u.test(value);
}

const DECIMAL = /^-?\d{1,3}\.(\d+)$/;

/** A precise coordinate: a latitude or longitude in range with 3 or more decimals (about 100 m). */
export function isPreciseCoordinate(node: JsonNode): boolean {
  const raw = node.type === 'number' ? node.raw : node.type === 'string' ? node.value.trim() : null;
  if (raw === null) return false;
  const m = DECIMAL.exec(raw);
  return m !== null && m[1]!.length >= 3 && Math.abs(Number(raw)) <= 180;
}
