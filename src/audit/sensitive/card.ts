/**
 * Payment card numbers: an issuer prefix (IIN), a length the brand issues,
 * and the Luhn check (ISO/IEC 7812-1). Candidates as presidio's
 * credit_card recognizer finds them [PR], with its exclusion of 13-digit
 * values starting with 1 (millisecond timestamps).
 */

/** 13–19 digits, optionally one space or dash between digits; bounded, so linear. */
const CANDIDATE = /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g;
const GROUPED_16 = /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$/;

interface Brand {
  readonly name: string;
  readonly prefixes: ReadonlyArray<readonly [number, number]>;
  readonly lengths: readonly number[];
}

/** [from, to] ranges over prefixes of the same number of digits. */
const BRANDS: readonly Brand[] = [
  { name: 'Visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  {
    name: 'Mastercard',
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
  {
    name: 'American Express',
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
  },
  {
    name: 'Discover',
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 17, 18, 19],
  },
  { name: 'JCB', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  {
    name: 'Diners Club',
    prefixes: [
      [300, 305],
      [36, 36],
      [38, 38],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: 'UnionPay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string | null {
  for (const brand of BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    const fits = brand.prefixes.some(([from, to]) => {
      const prefix = Number(digits.slice(0, String(from).length));
      return prefix >= from && prefix <= to;
    });
    if (fits) return brand.name;
  }
  return null;
}

export interface CardMatch {
  readonly brand: string;
  /** Written as 4-4-4-4 groups, the way people write card numbers. */
  readonly grouped: boolean;
}

function checkDigits(text: string): CardMatch | null {
  const digits = text.replace(/[ -]/g, '');
  if (/^(\d)\1*$/.test(digits)) return null;
  if (digits.length === 13 && digits.startsWith('1')) return null;
  const brand = cardBrand(digits);
  if (brand === null || !luhnValid(digits)) return null;
  return { brand, grouped: GROUPED_16.test(text) };
}

/** The first valid card number in a string. */
export function findCardInText(text: string): CardMatch | null {
  for (const m of text.matchAll(CANDIDATE)) {
    const found = checkDigits(m[0]);
    if (found) return found;
  }
  return null;
}

/** A JSON integer of 13–19 digits that is a card number (its digits as written, not a rounded double). */
export function findCardInNumber(raw: string): CardMatch | null {
  return /^\d{13,19}$/.test(raw) ? checkDigits(raw) : null;
}

/** Shaped like a card number, valid or not: a card-named claim holding one is judged by the checks alone. */
export function isCardShaped(text: string): boolean {
  return /^(?:\d[ -]?){12,18}\d$/.test(text.trim());
}
