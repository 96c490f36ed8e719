import { member, stringMember, type JsonObject } from '../token/json.js';

export const TOKEN_CLASSES = ['access', 'refresh', 'id'] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];

const REFRESH_WORDS = new Set(['refresh', 'refresh_token']);

/**
 * The class of a token, from docs/audit.md "Token classes and lifetimes": refresh by `typ` or a
 * `token_use`/`typ`/`token_type` claim (Keycloak, Cognito), id by OIDC
 * markers, else access.
 */
export function inferTokenClass(header: JsonObject, claims: JsonObject | null): TokenClass {
  const typ = stringMember(header, 'typ')?.toLowerCase();
  if (typ === 'rt+jwt' || typ === 'refresh+jwt') return 'refresh';
  for (const name of ['token_use', 'typ', 'token_type']) {
    const v = stringMember(claims, name)?.toLowerCase();
    if (v !== undefined && REFRESH_WORDS.has(v)) return 'refresh';
  }
  if (['nonce', 'at_hash', 'c_hash'].some((n) => member(claims, n) !== undefined)) return 'id';
  if (stringMember(claims, 'token_use') === 'id' || stringMember(claims, 'typ') === 'ID') return 'id';
  return 'access';
}
