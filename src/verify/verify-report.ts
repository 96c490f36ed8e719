import { usageError } from '../errors.js';
import type { DecryptKey } from '../keys/decrypt-key.js';
import type { KeySet } from '../keys/key.js';
import { KEY_OPTIONS } from '../keys/spec.js';
import { trustedClaims, type InspectReport, type TokenParts } from '../report/inspect.js';
import { stringMember } from '../token/json.js';
import { checkClaims, type ClaimPolicy } from './claims.js';
import { decryptToken, withInner } from './decrypt.js';
import type { Verification, VerificationError } from './result.js';
import { checkSignature, type SignatureCheck } from './signature.js';

export interface VerifyRequest {
  readonly report: InspectReport;
  readonly keys: KeySet | null;
  readonly decryptKey: DecryptKey | null;
  /** `--alg`; null: whatever the key can verify. */
  readonly algorithms: readonly string[] | null;
  readonly policy: ClaimPolicy;
}

export interface Verified {
  /** The report with `signature.verified` set, and a decrypted JWE's contents as `inner`. */
  readonly report: InspectReport;
  readonly verification: Verification;
}

function requireKeys(keys: KeySet | null, why: string): KeySet {
  if (keys === null) throw usageError(`${why}; give its key with ${KEY_OPTIONS}`);
  return keys;
}

function markVerified<T extends TokenParts>(parts: T, verified: boolean): T {
  return parts.signature === null ? parts : { ...parts, signature: { ...parts.signature, verified } };
}

/** Every failure, the signature's first (CONTRACT.md `verification.errors`). */
function signatureThenClaims(signed: SignatureCheck, claims: readonly VerificationError[]): readonly VerificationError[] {
  return signed.error === null ? claims : [signed.error, ...claims];
}

function verification(errors: readonly VerificationError[], rest: Omit<Verification, 'valid' | 'errors'>): Verification {
  return { valid: errors.length === 0, ...rest, errors };
}

/**
 * Verify the token of a report: its signature against the keys, then every
 * claim check, all failures collected. A JWE is decrypted first; the JWT
 * nested inside is then what is verified (RFC 7519 §7.2 step 8).
 */
export async function verifyReport({ report, keys, decryptKey, algorithms, policy }: VerifyRequest): Promise<Verified> {
  if (report.token.kind !== 'JWE') {
    const signed = await checkSignature(report.decoded.compact, report.header, requireKeys(keys, 'verify checks a signature'), algorithms);
    // A nested JWS carries its claims in the inner token, which the outer signature covers.
    const errors = signatureThenClaims(signed, checkClaims(report.header, trustedClaims(report), policy));
    return { report: markVerified(report, signed.error === null), verification: verification(errors, { alg: report.decoded.alg ?? null, key: signed.key }) };
  }
  if (decryptKey === null) throw usageError('the token is a JWE (encrypted); decrypt it with --decrypt-key <path> or --decrypt-secret-env <VAR>');
  const decrypted = await decryptToken(report.decoded, decryptKey);
  if (decrypted.kind === 'failed') return { report, verification: verification([decrypted.error], { alg: null, key: null }) };

  if (decrypted.kind === 'nested') {
    const inner = decrypted.token;
    const signed = await checkSignature(inner.compact, inner.header, requireKeys(keys, 'the JWE holds a signed JWT'), algorithms);
    const errors = signatureThenClaims(signed, checkClaims(inner.header, inner.claims, policy));
    const parts = markVerified(decrypted.parts, signed.error === null);
    return { report: withInner(report, decrypted, policy.now, policy.leeway, parts), verification: verification(errors, { alg: inner.alg ?? null, key: signed.key }) };
  }

  const alg = stringMember(report.header, 'alg') ?? '(none)';
  const unauthenticated: VerificationError = {
    code: 'ERR_JWT_INVALID',
    message: `the JWE holds claims, not a signed JWT, and with key management ${alg} anyone who has the public key can make one, so decrypting it proves nothing about its sender (RFC 7519 §11.2: sign, then encrypt)`,
    claim: null,
  };
  const errors = [...(decrypted.authenticated ? [] : [unauthenticated]), ...checkClaims(report.header, decrypted.parts.payload, policy)];
  const key = decrypted.authenticated ? { source: 'secret' as const, kid: stringMember(report.header, 'kid') ?? null, thumbprint: null, description: `the decryption secret (${alg})` } : null;
  return { report: withInner(report, decrypted, policy.now, policy.leeway), verification: verification(errors, { alg, key }) };
}
