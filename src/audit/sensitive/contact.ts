import { addressRange, ipFamily, type AddressRange } from '../ip.js';

/**
 * The whole value is an address (RFC 5322 atext local part, LDH labels, an
 * alphabetic TLD as presidio's email_recognizer demands [PR]). Labels are
 * bounded and dot-separated, and values over RFC 5321's 254 characters are
 * not tried, so matching stays linear.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;
const MAX_EMAIL = 254;

export function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL && EMAIL.test(value);
}

/** Google service accounts (`x@project.iam.gserviceaccount.com`) are machine identities, not people. */
export function isServiceAccount(email: string): boolean {
  return /\.gserviceaccount\.com$/i.test(email);
}

/** ITU-T E.164 after dropping the separators people write. */
const E164 = /^\+[1-9]\d{7,14}$/;
const PHONE_TEXT = /^\+?[\d .()-]{7,24}$/;

/**
 * A phone number: E.164 stands alone; a national format (7–15 digits) needs
 * a phone-like name (`withName`), since bare digits are everywhere.
 */
export function isPhoneNumber(value: string, withName: boolean): boolean {
  if (!PHONE_TEXT.test(value)) return false;
  const compact = value.replace(/[ .()-]/g, '');
  if (E164.test(compact)) return true;
  return withName && /^\+?\d{7,15}$/.test(compact);
}

/** An IP address and whether it is in a private or special range (those are info, public ones low). */
export function ipAddress(value: string): { readonly range: AddressRange | null } | null {
  return ipFamily(value) === 0 ? null : { range: addressRange(value) };
}
