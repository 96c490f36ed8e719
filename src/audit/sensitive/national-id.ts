/**
 * US Social Security and Individual Taxpayer Identification Numbers, as
 * presidio's us_ssn_recognizer validates them [PR]: one consistent
 * delimiter, no 000/666/9xx area, no 00 group, no 0000 serial, and not the
 * advertised sample numbers.
 */

const SSN = /^(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}$/;
const BARE_SSN = /^(?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4}$/;
const ITIN = /^9\d\d([- ]?)(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])\1\d{4}$/;
/** Sample numbers printed on wallet inserts and in documentation. */
const SAMPLES = /^(?:078051120|123456789|98765432\d)$/;

function digitsOf(text: string): string {
  return text.replace(/[- ]/g, '');
}

function isSample(digits: string): boolean {
  return SAMPLES.test(digits) || /^(\d)\1*$/.test(digits);
}

export type NationalIdKind = 'SSN' | 'ITIN';

/**
 * The kind of US national id in the value. A delimited SSN stands alone;
 * nine bare digits and ITINs need a name that says so (`withName`).
 */
export function findNationalId(text: string, withName: boolean): NationalIdKind | null {
  const value = text.trim();
  if (value.length > 11) return null;
  const digits = digitsOf(value);
  if (isSample(digits)) return null;
  if (SSN.test(value)) return 'SSN';
  if (!withName) return null;
  if (BARE_SSN.test(value)) return 'SSN';
  return ITIN.test(value) ? 'ITIN' : null;
}

/** Nine digits, bare or delimited: an SSN-named claim holding one is judged by the checks alone. */
export function isSsnShaped(text: string): boolean {
  return /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(text.trim());
}
