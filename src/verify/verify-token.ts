import { InspectError } from '../errors.js';
import type { DecryptKey } from '../keys/decrypt-key.js';
import type { KeySet } from '../keys/key.js';
import type { DecodedToken } from '../token/decode.js';
import { stringMember } from '../token/json.js';
import { checkClaims, type ClaimPolicy } from './claims.js';
import { decryptToken, type Opened } from './decrypt.js';
import type { Verification, VerificationError, VerificationWarning } from './result.js';
import { checkSignedChain, type ChainCheck } from './signed-chain.js';

export interface VerifyRequest {
  readonly keys: KeySet | null;
  readonly decryptKey: DecryptKey | null;
  /** `--alg`; null: whatever the key can verify. */
  readonly algorithms: readonly string[] | null;
  readonly policy: ClaimPolicy;
}

/** What verifying found: the verdict, a JWE's contents, and which signatures checked out. report/ builds the report from it. */
export interface Verified {
  readonly verification: Verification;
  /** A JWE's contents once decrypted; null for a JWS, or a JWE that did not decrypt. */
  readonly opened: Opened | null;
  /** Whether the token's own signature and that of the token inside it (nested, or in a JWE) checked out. */
  readonly signatures: { readonly token: boolean; readonly inner: boolean };
}

/** The key a token needs and the request lacks: a signature's, the signed JWT's inside a JWE, the JWE's own. */
export type MissingKey = 'signature' | 'nested-signature' | 'decryption';

const MISSING_KEY: Readonly<Record<MissingKey, string>> = {
  signature: 'verify checks a signature, and no key was given',
  'nested-signature': 'the JWE holds a signed JWT, and no key was given to check it',
  decryption: 'the token is a JWE (encrypted), and no key was given to decrypt it',
};

/**
 * A usage error that names no option: verify/ does not know how keys are
 * given, so the caller words the message (the command line names its options).
 */
export class MissingKeyError extends InspectError {
  readonly missing: MissingKey;

  constructor(missing: MissingKey) {
    super('ERR_USAGE', MISSING_KEY[missing]);
    this.missing = missing;
  }
}

function requireKeys(keys: KeySet | null, missing: MissingKey): KeySet {
  if (keys === null) throw new MissingKeyError(missing);
  return keys;
}

function verification(
  errors: readonly VerificationError[],
  rest: Omit<Verification, 'valid' | 'errors' | 'warnings'>,
  warnings: readonly VerificationWarning[] = [],
): Verification {
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
  return [
    ...weak,
    {
      code: 'mixed-key-set',
      message: `${keys.origin} mixes ${secrets} shared secret${secrets === 1 ? '' : 's'} (oct) with public keys; a published key set should hold public keys only`,
    },
  ];
}

/** The signature checks of a JWS (and of the JWT nested in it), then every claim check, on the claims they vouch for. */
async function verifySigned(token: DecodedToken, keys: KeySet, algorithms: readonly string[] | null, policy: ClaimPolicy, nestable: boolean) {
  const chain = await checkSignedChain(token, keys, algorithms, nestable);
  const errors = [...chain.errors, ...(chain.claims === undefined ? [] : checkClaims(chain.header, chain.claims, policy))];
  return { chain, verification: verification(errors, { alg: token.alg ?? null, key: chain.key }, warningsOf(chain, keys)) };
}

/**
 * Verify a token: its signature against the keys, then every claim check,
 * all failures collected. A JWE is decrypted first; the JWT nested inside is
 * then what is verified (RFC 7519 §7.2 step 8).
 */
export async function verifyToken(token: DecodedToken, { keys, decryptKey, algorithms, policy }: VerifyRequest): Promise<Verified> {
  if (token.kind !== 'JWE') {
    const { chain, verification } = await verifySigned(token, requireKeys(keys, 'signature'), algorithms, policy, true);
    return { verification, opened: null, signatures: { token: chain.verified, inner: chain.inner?.verified ?? false } };
  }
  if (stringMember(token.header, 'enc') === undefined) {
    throw new InspectError(
      'ERR_MALFORMED_TOKEN',
      'the token has 5 parts, the shape of a JWE, but its header has no "enc" (RFC 7516 §4.1.2), so it is neither a JWE nor a JWS',
    );
  }
  if (decryptKey === null) throw new MissingKeyError('decryption');
  const opened = await decryptToken(token, decryptKey);
  const unsigned = { token: false, inner: false };
  if (opened.kind === 'failed') return { verification: verification([opened.error], { alg: null, key: null }), opened: null, signatures: unsigned };

  if (opened.kind === 'nested') {
    const { chain, verification } = await verifySigned(opened.token, requireKeys(keys, 'nested-signature'), algorithms, policy, false);
    return { verification, opened, signatures: { token: false, inner: chain.verified } };
  }

  const alg = stringMember(token.header, 'alg') ?? '(none)';
  const unauthenticated: VerificationError = {
    code: 'ERR_JWT_INVALID',
    message: `the JWE holds claims, not a signed JWT, and with key management ${alg} anyone who has the public key can make one, so decrypting it proves nothing about its sender (RFC 7519 §11.2: sign, then encrypt)`,
    claim: null,
  };
  const errors = [...(opened.authenticated ? [] : [unauthenticated]), ...checkClaims(token.header, opened.claims, policy)];
  const key = opened.authenticated
    ? { source: 'secret' as const, kid: stringMember(token.header, 'kid') ?? null, thumbprint: null, description: `the decryption secret (${alg})` }
    : null;
  return { verification: verification(errors, { alg, key }), opened, signatures: unsigned };
}
