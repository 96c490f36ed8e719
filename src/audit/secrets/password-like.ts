import { Buffer } from 'node:buffer';
import { BUILTIN_WEAK_SECRETS } from './builtin-list.js';

/** RFC 8725 §3.5 / [OWASP-JWT]: a key should carry at least 160 bits of entropy. */
const MIN_BITS = 160;
/** [OWASP-JWT-J]: "at least 64 characters"; longer secrets are not judged as passwords. */
const PASSWORD_LENGTH = 64;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const CLASSES: ReadonlyArray<readonly [RegExp, number]> = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[^A-Za-z0-9]/, 33],
];

/** Bits an attacker must cover if every character came from the classes the secret uses: an upper bound. */
function charsetBits(text: string): number {
  const charset = CLASSES.reduce((n, [pattern, size]) => (pattern.test(text) ? n + size : n), 0);
  return charset === 0 ? 0 : text.length * Math.log2(charset);
}

/**
 * Four letters in a row that repeat or count up or down (`aaaa`, `abcd`,
 * `DCBA`): padding that inflates the charset estimate without adding
 * entropy. Random base64 text almost never holds one.
 */
export function letterRun(text: string): string | null {
  const lower = text.toLowerCase();
  for (let i = 0; i + 4 <= lower.length; i++) {
    const run = lower.slice(i, i + 4);
    if (!/^[a-z]{4}$/.test(run)) continue;
    const steps = [1, 2, 3].map((j) => run.charCodeAt(j) - run.charCodeAt(j - 1));
    if (steps.every((s) => s === steps[0]) && Math.abs(steps[0]!) <= 1) return text.slice(i, i + 4);
  }
  return null;
}

/** Why a supplied HMAC secret looks like a human-chosen password (password-like-secret), empty when it does not. */
export function passwordLikeReasons(secret: Uint8Array): string[] {
  const text = Buffer.from(secret).toString('latin1');
  if (secret.length === 0 || secret.length >= PASSWORD_LENGTH || !PRINTABLE_ASCII.test(text)) return [];
  const reasons: string[] = [];
  if (BUILTIN_WEAK_SECRETS.includes(text)) reasons.push('a well-known weak secret');
  const bits = charsetBits(text);
  if (bits < MIN_BITS) reasons.push(`at most ${Math.floor(bits)} bits (charset × length), under ${MIN_BITS}`);
  if (letterRun(text) !== null) reasons.push('a repeated or sequential run of 4 letters');
  return reasons;
}
