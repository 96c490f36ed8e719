import type { KeySet } from '../keys/key.js';
import { declaresNestedJwt, nestedToken, type DecodedToken } from '../token/decode.js';
import type { JsonObject } from '../token/json.js';
import type { TriedKey, VerificationError } from './result.js';
import { checkSignature } from './signature.js';

/** The signature checks of a JWS and of the JWT nested in it, if any. */
export interface ChainCheck {
  /** The signature failures, the outer token's first; empty when every layer verified. */
  readonly errors: readonly VerificationError[];
  /** Whether the outer token's own signature verified. */
  readonly verified: boolean;
  /** The key that verified (or was tried on) the outer token. */
  readonly key: TriedKey | null;
  readonly weakKeys: readonly string[];
  /** The nested JWT and whether its own signature verified; null when the token is not nested. */
  readonly inner: { readonly token: DecodedToken; readonly verified: boolean } | null;
  /** The header and claims the claim checks read: the innermost token's (RFC 7519 §7.2 step 8). */
  readonly header: JsonObject;
  /** undefined when the nesting itself is broken, so that there is no claims set to check. */
  readonly claims: JsonObject | null | undefined;
}

const invalid = (message: string): VerificationError => ({ code: 'ERR_JWT_INVALID', message, claim: null });

function inInnerToken(error: VerificationError): VerificationError {
  return { ...error, message: `inner token: ${error.message}` };
}

/**
 * Check a JWS and, when its `cty` says it holds a JWT (RFC 7519 §5.2), that
 * JWT too, with the same keys and `--alg` (RFC 7519 §7.2 step 8: the inner
 * JWT is validated in turn). The outer signature alone says nothing about
 * who made the inner token, whose claims are the ones trusted. One level of
 * nesting is verified; a JWT nested deeper is refused, not half-checked.
 * `nestable` is false inside a JWE, which is already one level.
 */
export async function checkSignedChain(token: DecodedToken, keys: KeySet, algorithms: readonly string[] | null, nestable = true): Promise<ChainCheck> {
  const outer = await checkSignature(token.compact, token.header, keys, algorithms);
  const errors = outer.error === null ? [] : [outer.error];
  const weakKeys = outer.weakKey === null ? [] : [outer.weakKey];
  const plain = { verified: outer.error === null, key: outer.key, header: token.header };
  if (!declaresNestedJwt(token.header)) return { ...plain, errors, weakKeys, inner: null, claims: token.claims };
  if (!nestable)
    return {
      ...plain,
      errors: [...errors, invalid('the token nests a JWT more than one level deep (cty "JWT" inside a nested token); only one level is verified')],
      weakKeys,
      inner: null,
      claims: undefined,
    };

  const inner = nestedToken(token);
  if (inner === null || inner.kind === 'JWE') {
    const what = inner === null ? 'is not a compact JWT' : 'is a JWE, which verify does not decrypt inside a JWS';
    return {
      ...plain,
      errors: [...errors, invalid(`"cty": "JWT" says the payload is a nested JWT, but it ${what}`)],
      weakKeys,
      inner: null,
      claims: undefined,
    };
  }
  const nested = await checkSignedChain(inner, keys, algorithms, false);
  return {
    ...plain,
    errors: [...errors, ...nested.errors.map(inInnerToken)],
    weakKeys: [...weakKeys, ...nested.weakKeys.map((w) => `inner token: ${w}`)],
    inner: { token: inner, verified: nested.verified },
    header: inner.header,
    claims: nested.claims,
  };
}
