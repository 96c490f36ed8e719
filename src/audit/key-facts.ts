import { hasPrivateMembers, jwkEntries } from '../keys/jwk.js';
import type { KeySet, SecretKey, VerificationKey } from '../keys/key.js';
import { looksLikePem, pemBlocks, PRIVATE_KEY_LABELS } from '../keys/pem.js';
import type { DecodedToken } from '../token/decode.js';
import { stringMember } from '../token/json.js';
import { candidateKeys, checkSignature, type SignatureCheck } from '../verify/signature.js';
import { confusionEncodings, type KeyEncoding } from './key-encodings.js';

/**
 * What the key rules (docs/audit.md "Rules that need a key, a secret or a wordlist") need to know about the key the user
 * supplied, worked out before the rules run (key import and jose's verify
 * are async), so that the rules stay pure checks over data.
 */
export interface KeyFacts {
  /** Where the keys came from: a path, a URL, `--secret-env VAR`; never a secret. */
  readonly origin: string;
  /** The keys a verifier would try for this token: by `kid` in a set, else every key. */
  readonly candidates: readonly VerificationKey[];
  /** alg-confusion: the byte strings of the candidate public keys to try as the HMAC secret. */
  readonly encodings: readonly KeyEncoding[];
  /** private-key-supplied: what in the key input is private (`a PRIVATE KEY block`), else null. */
  readonly privateMaterial: string | null;
  /** signature-mismatch and kid-mismatch: how verifying the signature went; null for a JWE (not tried). */
  readonly signature: SignatureCheck | null;
  /** `--expect-valid`: a signature that fails is high, not info. */
  readonly expectValid: boolean;
}

/** The private parts of a key document: a private PEM block, or JWKs with private members (RFC 7518 §6.2.2, §6.3.2). */
export function privateMaterialIn(document: string | null): string | null {
  if (document === null) return null;
  if (looksLikePem(document)) {
    const block = pemBlocks(document).find((b) => PRIVATE_KEY_LABELS.has(b.label));
    return block === undefined ? null : `a ${block.label} block`;
  }
  const { set, entries } = jwkEntries(document);
  const count = entries.filter(hasPrivateMembers).length;
  if (count === 0) return null;
  return set ? `${count} private JWK${count === 1 ? '' : 's'} in the set` : 'a private JWK';
}

/** Verify the token with the supplied keys and gather what the key rules check. */
export async function keyFacts(token: DecodedToken, keys: KeySet, expectValid: boolean): Promise<KeyFacts> {
  const candidates = candidateKeys(keys, stringMember(token.header, 'kid'));
  return {
    origin: keys.origin,
    candidates,
    encodings: candidates.flatMap((key) => (key.type === 'public' ? confusionEncodings(key, keys.document) : [])),
    privateMaterial: privateMaterialIn(keys.document),
    signature: token.kind === 'JWE' ? null : await checkSignature(token.compact, token.header, keys, null),
    expectValid,
  };
}

/** The HMAC secret among the candidates, for short-secret and password-like-secret. */
export function suppliedSecret(facts: KeyFacts): Uint8Array | undefined {
  return facts.candidates.find((key): key is SecretKey => key.type === 'secret')?.bytes;
}
