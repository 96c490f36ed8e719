import { PRIVATE_MEMBERS } from '../jose/jwk.js';
import { member, stringMember, type JsonNode } from '../token/json.js';

/** The private members a JWK carries (`oct` counts by its `k`, RFC 7518 §6.4.1); empty for a public key or a non-JWK. */
export function privateJwkMembers(node: JsonNode | undefined): string[] {
  if (node?.type !== 'object' || member(node, 'kty') === undefined) return [];
  const found = PRIVATE_MEMBERS.filter((name) => member(node, name) !== undefined);
  if (stringMember(node, 'kty') === 'oct' && member(node, 'k') !== undefined) found.push('k');
  return found;
}
