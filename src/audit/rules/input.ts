import { member, parseJson, type JsonNode, type JsonObject } from '../../token/json.js';
import { defineRule, type RuleHit } from '../rule.js';
import { JWE_INVALID_ZIP } from './jwe.js';

/**
 * Rules about the input text itself. They run through auditInput() on text
 * that does not decode to a compact token (the decoder refuses it), so the
 * CLI can still say why: a token with the wrong number of parts, or a JWS
 * in the JSON serialization (RFC 7515 §7.2) offered where a JWT belongs.
 */

/** One optional `Bearer ` prefix, as RFC 6750 §2.1 writes it (case-insensitive). */
const BEARER_PREFIX = /^bearer\s+/i;

/** Why the text is not a compact JWS or JWE (RFC 7519 §7.2 steps 1–3), or null when it has the shape of one or is JSON. */
export function detectNotCompact(text: string): RuleHit | null {
  const compact = text.trim().replace(BEARER_PREFIX, '');
  // A JSON document is no attempt at the compact form; json-serialization judges it.
  if (compact.startsWith('{')) return null;
  const parts = compact.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return { evidence: `${parts.length} part${parts.length === 1 ? '' : 's'}`, note: 'a JWS has 3 dot-separated parts, a JWE 5' };
  }
  return parts[0] === '' ? { path: 'header', note: 'the header part is empty' } : null;
}

function jsonObject(text: string): JsonObject | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const { value } = parseJson(trimmed);
    return value.type === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** The JWS JSON serialization (RFC 7515 §7.2): `payload` with `signature`, `signatures` or `protected`. */
export function detectJsonSerialization(text: string): RuleHit | null {
  const doc = jsonObject(text);
  if (doc === null || member(doc, 'payload') === undefined) return null;
  const marker = ['signatures', 'signature', 'protected'].find((name) => member(doc, name) !== undefined);
  return marker === undefined ? null : { evidence: `members payload and ${marker}`, note: 'JWS JSON serialization' };
}

/**
 * A JWE JSON serialization (RFC 7516 §7.2) with `zip` in an unprotected
 * header: the shared `unprotected`, the flattened `header`, or a recipient's.
 */
function detectUnprotectedZip(text: string): RuleHit[] {
  const doc = jsonObject(text);
  if (doc === null || member(doc, 'ciphertext') === undefined) return [];
  const headers: Array<readonly [string, JsonNode | undefined]> = [
    ['unprotected', member(doc, 'unprotected')],
    ['header', member(doc, 'header')],
  ];
  const recipients = member(doc, 'recipients');
  if (recipients?.type === 'array') recipients.items.forEach((r, i) => headers.push([`recipients[${i}].header`, member(r, 'header')]));
  return headers.flatMap(([path, header]): RuleHit[] =>
    member(header, 'zip') === undefined ? [] : [{ path: `${path}.zip`, note: 'zip outside the protected header (RFC 7516 §4.1.3)' }],
  );
}

export const inputRules = [
  defineRule<string>({
    id: 'not-compact',
    severity: 'medium',
    category: 'format',
    title: 'Not compact JWS/JWE',
    advice: 'A JWT is 3 (JWS) or 5 (JWE) base64url parts separated by dots (RFC 7519 §7.2); check how the token was copied.',
    check: (text) => [detectNotCompact(text)].filter((h) => h !== null),
  }),
  defineRule<string>({
    id: 'json-serialization',
    severity: 'medium',
    category: 'format',
    title: 'JSON serialization offered as a JWT',
    advice: 'JWTs must use the compact serialization (RFC 7519 §1); a verifier expecting a JWT must reject JSON serializations.',
    check: (text) => [detectJsonSerialization(text)].filter((h) => h !== null),
  }),
  // The token rule of the same id, checked here on the JSON serialization: one rule, listed once in the catalogue.
  defineRule<string>({ ...JWE_INVALID_ZIP, check: detectUnprotectedZip }),
];
