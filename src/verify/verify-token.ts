import { InspectError, usageError } from '../errors.js';
import type { DecryptKey } from '../keys/decrypt-key.js';
import type { KeySet } from '../keys/key.js';
import { KEY_OPTIONS } from '../keys/spec.js';
import type { InspectReport, TokenParts } from '../report/inspect.js';
import type { DecodedToken } from '../token/decode.js';
import { stringMember } from '../token/json.js';
import { checkClaims, type ClaimPolicy } from './claims.js';
import { decryptToken, withInner } from './decrypt.js';
import type { Verification, VerificationError, VerificationWarning } from './result.js';
import { checkSignedChain, type ChainCheck } from './signed-chain.js';

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

function verification(errors: readonly VerificationError[], rest: Omit<Verification, 'valid' | 'errors' | 'warnings'>, warnings: readonly VerificationWarning[] = []): Verification {
  return { valid: errors.length === 0, ...rest, errors, warnings };
}

/**
 * What a verdict made with these keys should be read with: a key too short
 * to trust, and secrets published beside public keys (a verifier that takes
 * keys from such a set by kid alone can be led to HMAC with one).
 */
function warningsOf(chain: ChainCheck, keys: KeySet): VerificationWarning[] {
  const weak = chain.weakKeys.map((message): VerificationWarning => ({ code: 'weak-key', message }));
  const secrets = keys.keys.filter((k) => k.type === 'secret').length;
  if (!keys.byKid || secrets === 0 || secrets === keys.keys.length) return weak;
  return [...weak, { code: 'mixed-key-set', message: `${keys.origin} mixes ${secrets} shared secret${secrets === 1 ? '' : 's'} (oct) with public keys; a published key set should hold public keys only` }];
}

/** The signature checks of a JWS (and of the JWT nested in it), then every claim check, on the claims they vouch for. */
async function verifySigned<T extends TokenParts>(parts: T, token: DecodedToken, keys: KeySet, algorithms: readonly string[] | null, policy: ClaimPolicy, nestable: boolean) {
  const chain = await checkSignedChain(token, keys, algorithms, nestable);
  const errors = [...chain.errors, ...(chain.claims === undefined ? [] : checkClaims(chain.header, chain.claims, policy))];
  return { parts: markVerified(parts, chain.verified), innerVerified: chain.inner?.verified ?? null, verification: verification(errors, { alg: token.alg ?? null, key: chain.key }, warningsOf(chain, keys)) };
}

/**
 * Verify the token of a report: its signature against the keys, then every
 * claim check, all failures collected. A JWE is decrypted first; the JWT
 * nested inside is then what is verified (RFC 7519 §7.2 step 8).
 */
export async function verifyReport({ report, keys, decryptKey, algorithms, policy }: VerifyRequest): Promise<Verified> {
  if (report.token.kind !== 'JWE') {
    const signed = await verifySigned(report, report.decoded, requireKeys(keys, 'verify checks a signature'), algorithms, policy, true);
    // report.inner holds the parts of the same nested token the chain checked.
    const inner = report.inner !== null && signed.innerVerified !== null ? markVerified(report.inner, signed.innerVerified) : report.inner;
    return { report: { ...signed.parts, inner }, verification: signed.verification };
  }
  if (stringMember(report.header, 'enc') === undefined) {
    throw new InspectError('ERR_MALFORMED_TOKEN', 'the token has 5 parts, the shape of a JWE, but its header has no "enc" (RFC 7516 §4.1.2), so it is neither a JWE nor a JWS');
  }
  if (decryptKey === null) throw usageError('the token is a JWE (encrypted); decrypt it with --decrypt-key <path> or --decrypt-secret-env <VAR>');
  const decrypted = await decryptToken(report.decoded, decryptKey);
  if (decrypted.kind === 'failed') return { report, verification: verification([decrypted.error], { alg: null, key: null }) };

  if (decrypted.kind === 'nested') {
    const signed = await verifySigned(decrypted.parts, decrypted.token, requireKeys(keys, 'the JWE holds a signed JWT'), algorithms, policy, false);
    return { report: withInner(report, decrypted, policy.now, policy.leeway, signed.parts), verification: signed.verification };
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
