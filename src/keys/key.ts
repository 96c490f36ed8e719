import type { JWK } from 'jose';

/** Where the verification keys came from (docs/output.md: `verification.key.source`). */
export type KeySourceKind = 'secret' | 'key' | 'jwks' | 'issuer';

/** What the key's own metadata says about its intended use (RFC 7517 §4). */
export interface KeyMetadata {
  readonly kid: string | null;
  readonly alg: string | null;
  readonly use: string | null;
  readonly keyOps: readonly string[] | null;
}

/** A public key: only its public members, so nothing secret can leak from it. */
export interface PublicKey extends KeyMetadata {
  readonly type: 'public';
  readonly jwk: JWK;
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  readonly thumbprint: string;
  /** `RSA 2048-bit`, `EC P-256`, `OKP Ed25519`. */
  readonly description: string;
  /** The RSA modulus length in bits; null for other key types. */
  readonly bits: number | null;
  /** Why this RSA key must verify nothing, whatever its size (a forgeable exponent, ROCA); null for a sound key and other key types. */
  readonly weakness: string | null;
}

/** An HMAC secret; its bytes never reach any output. */
export interface SecretKey extends KeyMetadata {
  readonly type: 'secret';
  readonly bytes: Uint8Array;
  readonly description: string;
}

export type VerificationKey = PublicKey | SecretKey;

/** The subject and validity of the X.509 certificate a key came from. */
export interface CertificateInfo {
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly notBeforeSeconds: number;
  readonly notAfterSeconds: number;
}

/** Every key a key option gave, and what the user should know about them. */
export interface KeySet {
  readonly source: KeySourceKind;
  /** Where the keys were read: `--secret-env JWT_SECRET`, a path, a URL. Never a secret. */
  readonly origin: string;
  readonly keys: readonly VerificationKey[];
  /** A JWKS: keys are chosen by `kid`. A single key is used whatever the token's `kid`. */
  readonly byKid: boolean;
  readonly notes: readonly string[];
  readonly certificate: CertificateInfo | null;
  /**
   * The key document as read: a PEM or JSON key file's text, a fetched JWKS
   * serialised again; null for a secret. What audit's alg-confusion tries as
   * HMAC secrets (docs/audit.md "Rules that need a key, a secret or a wordlist"). It may hold private key material: never print it.
   */
  readonly document: string | null;
  /** Fetch the document again past the cache; set only when these keys came from the cache. */
  readonly refresh: (() => Promise<KeySet>) | null;
}

export const NO_METADATA: KeyMetadata = { kid: null, alg: null, use: null, keyOps: null };

/** One key on its own, as `--secret` or `--key` give it. */
export function singleKeySet(
  source: KeySourceKind,
  origin: string,
  key: VerificationKey,
  extras: Partial<Pick<KeySet, 'notes' | 'certificate' | 'document'>> = {},
): KeySet {
  return {
    source,
    origin,
    keys: [key],
    byKid: false,
    notes: extras.notes ?? [],
    certificate: extras.certificate ?? null,
    document: extras.document ?? null,
    refresh: null,
  };
}
