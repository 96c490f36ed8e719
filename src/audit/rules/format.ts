import { declaresNestedJwt, type DecodedToken } from '../../token/decode.js';
import { defineRule, type RuleHit } from '../rule.js';

const JWS_PART_NAMES = ['header', 'payload', 'signature'];
const JWE_PART_NAMES = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'];

function partName(token: DecodedToken, i: number): string {
  return (token.kind === 'JWE' ? JWE_PART_NAMES : JWS_PART_NAMES)[i] ?? `part ${i + 1}`;
}

/** A path parseJson made relative to its root (`a.b`, `["x y"]`) put under `header` or `payload`. */
function underRoot(root: string, relative: string): string {
  return relative.startsWith('[') ? `${root}${relative}` : `${root}.${relative}`;
}

/**
 * Format rules on the decoded token. not-compact and json-serialization
 * judge input that never decodes to a token: they are input rules, in input.ts.
 */
export const formatRules = [
  defineRule({
    id: 'illegal-characters',
    severity: 'medium',
    category: 'format',
    title: 'Illegal characters or padding',
    advice: 'Compact JWTs hold only A-Z a-z 0-9 - _ and dots (RFC 7515 §2); reject tokens with padding or standard base64.',
    check: ({ token }) =>
      token.segments.flatMap((s, i): RuleHit[] =>
        s.illegal ? [{ path: partName(token, i), evidence: [...new Set(s.raw.replace(/[A-Za-z0-9_-]/g, ''))].join(' ') }] : [],
      ),
  }),
  defineRule({
    id: 'non-canonical-base64url',
    severity: 'low',
    category: 'format',
    title: 'Non-canonical base64url',
    advice: 'Several encodings verify as the same token; key denylists on the decoded signature, not the raw text.',
    check: ({ token }) =>
      token.segments.flatMap((s, i): RuleHit[] => {
        if (s.illegal) return [];
        // A length of 4n+1 characters carries 6 spare bits: no byte string encodes to it.
        if (s.raw.length % 4 === 1) return [{ path: partName(token, i), note: 'length is 1 more than a multiple of 4' }];
        return s.nonCanonical ? [{ path: partName(token, i), note: 'non-zero spare bits in the last character' }] : [];
      }),
  }),
  defineRule({
    id: 'not-json-object',
    severity: 'high',
    category: 'format',
    title: 'Not a UTF-8 JSON object',
    advice: 'RFC 7519 §7.2 and RFC 8725 §3.7: header and claims must be UTF-8 JSON objects; reject anything else.',
    check: ({ token }) => {
      const hits: RuleHit[] = [];
      if (token.headerPart.bom) hits.push({ path: 'header', note: 'starts with a byte-order mark' });
      const p = token.payloadPart;
      if (p && token.claims === null && !declaresNestedJwt(token.header)) {
        hits.push({ path: 'payload', note: p.jsonError ?? `a JSON ${p.json?.type}, not an object` });
      } else if (p?.bom) hits.push({ path: 'payload', note: 'starts with a byte-order mark' });
      return hits;
    },
  }),
  defineRule({
    id: 'duplicate-member',
    severity: 'medium',
    category: 'format',
    title: 'Duplicate member names',
    advice: 'Parsers disagree on which duplicate wins; reject tokens with repeated names (RFC 7515 §4, RFC 7519 §4).',
    check: ({ token }) => [
      ...token.headerPart.duplicates.map((d) => ({ path: underRoot('header', d) })),
      ...(token.payloadPart?.duplicates ?? []).map((d) => ({ path: underRoot('payload', d) })),
    ],
  }),
];
