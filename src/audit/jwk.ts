import { member, stringMember, type JsonNode } from '../token/json.js';

/** RFC 7518 §6.2.2 (EC `d`), §6.3.2 (RSA `d p q dp dq qi oth`), RFC 8037 §2 (OKP `d`). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** The private members a JWK carries (`oct` counts by its `k`, RFC 7518 §6.4.1); empty for a public key or a non-JWK. */
export function privateJwkMembers(node: JsonNode | undefined): string[] {
  if (node?.type !== 'object' || member(node, 'kty') === undefined) return [];
  const found = PRIVATE_MEMBERS.filter((name) => member(node, name) !== undefined);
  if (stringMember(node, 'kty') === 'oct' && member(node, 'k') !== undefined) found.push('k');
  return found;
}
