import { defineRule, type RuleHit } from '../rule.js';

const PART_NAMES = ['header', 'payload', 'signature', 'ciphertext', 'tag'];
const JWE_PART_NAMES = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'];

function partName(kind: string, i: number): string {
  return (kind === 'JWE' ? JWE_PART_NAMES : PART_NAMES)[i] ?? `part ${i + 1}`;
}

export const formatRules = [
  defineRule({
    id: 'illegal-characters',
    severity: 'medium',
    category: 'header',
    title: 'Illegal characters or padding',
    advice: 'Compact JWTs hold only A-Z a-z 0-9 - _ and dots; reject tokens with padding or standard base64.',
    check: ({ token }) =>
      token.segments.flatMap((s, i): RuleHit[] =>
        s.illegal ? [{ path: partName(token.kind, i), evidence: [...new Set(s.raw.replace(/[A-Za-z0-9_-]/g, ''))].join(' ') }] : [],
      ),
  }),
  defineRule({
    id: 'non-canonical-base64url',
    severity: 'low',
    category: 'header',
    title: 'Non-canonical base64url',
    advice: 'Several encodings verify as the same token; key denylists on the decoded signature, not the raw text.',
    check: ({ token }) =>
      token.segments.flatMap((s, i): RuleHit[] => (s.nonCanonical && !s.illegal ? [{ path: partName(token.kind, i) }] : [])),
  }),
  defineRule({
    id: 'not-json-object',
    severity: 'high',
    category: 'header',
    title: 'Not a UTF-8 JSON object',
    advice: 'RFC 7519 §7.2: header and claims must be UTF-8 JSON objects; reject anything else.',
    check: ({ token }) => {
      const hits: RuleHit[] = [];
      if (token.headerPart.bom) hits.push({ path: 'header', note: 'starts with a byte-order mark' });
      const p = token.payloadPart;
      if (p && token.claims === null && !isNestedJwt(token.header)) {
        hits.push({ path: 'payload', note: p.jsonError ?? `a JSON ${p.json?.type}, not an object` });
      } else if (p?.bom) hits.push({ path: 'payload', note: 'starts with a byte-order mark' });
      return hits;
    },
  }),
  defineRule({
    id: 'duplicate-member',
    severity: 'medium',
    category: 'header',
    title: 'Duplicate member names',
    advice: 'Parsers disagree on which duplicate wins; reject tokens with repeated names (RFC 7515 §4).',
    check: ({ token }) => [
      ...token.headerPart.duplicates.map((d) => ({ path: `header.${d}` })),
      ...(token.payloadPart?.duplicates ?? []).map((d) => ({ path: `payload.${d}` })),
    ],
  }),
];

function isNestedJwt(header: import('../../token/json.js').JsonObject): boolean {
  return header.entries.some(([k, v]) => k === 'cty' && v.type === 'string' && v.value.toUpperCase() === 'JWT');
}
