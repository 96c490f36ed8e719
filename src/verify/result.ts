import type { KeySourceKind } from '../keys/key.js';

/** One failed check, in jose's terms: its error `code`, and the claim it concerns. */
export interface VerificationError {
  readonly code: string;
  readonly message: string;
  readonly claim: string | null;
}

/** The key a signature was checked with (docs/output.md `verification.key`). */
export interface TriedKey {
  readonly source: KeySourceKind;
  readonly kid: string | null;
  /** RFC 7638 SHA-256 thumbprint; null for a secret. */
  readonly thumbprint: string | null;
  /** `RSA 2048-bit`, `256-bit secret`: for the text report. */
  readonly description: string;
}

/** What a VALID verdict should still be read with (docs/verify.md "What VALID means"). */
export interface VerificationWarning {
  /** `weak-key`: the key that verified it is too short to trust (`--fail-on-weak-key` fails on it); `mixed-key-set`: secrets beside public keys. */
  readonly code: 'weak-key' | 'mixed-key-set';
  readonly message: string;
}

/** The outcome of `verify`: data, never an exception, whatever is wrong with the token. */
export interface Verification {
  readonly valid: boolean;
  /** The alg the signature was checked for (the inner token's, for a decrypted JWE). */
  readonly alg: string | null;
  readonly key: TriedKey | null;
  /** Every failure: the signature's first, then the claims' in the order jose checks them. */
  readonly errors: readonly VerificationError[];
  readonly warnings: readonly VerificationWarning[];
}
