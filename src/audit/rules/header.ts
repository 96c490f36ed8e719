import { member, type JsonNode } from '../../token/json.js';
import { declaresNestedJwt } from '../../token/decode.js';
import { kidInjection } from '../injection.js';
import { JOSE_HEADER_PARAMS, REGISTERED_HEADER_PARAMS } from '../registry.js';
import { defineRule, type RuleHit } from '../rule.js';

/** Extensions this tool (and jose, by default) understands in `crit` (RFC 7797 §6). */
const UNDERSTOOD_EXTENSIONS = new Set(['b64']);

/** What is wrong with a `crit` header (RFC 7515 §4.1.11), one reason a problem. */
function critProblems(crit: JsonNode, headerNames: ReadonlySet<string>): string[] {
  if (crit.type !== 'array') return [`a JSON ${crit.type}, not an array`];
  if (crit.items.length === 0) return ['an empty list'];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of crit.items) {
    if (item.type !== 'string') {
      problems.push(`a JSON ${item.type} member`);
      continue;
    }
    const name = item.value;
    if (seen.has(name)) problems.push(`${name} listed twice`);
    seen.add(name);
    if (JOSE_HEADER_PARAMS.has(name)) problems.push(`${name} is a registered parameter`);
    else if (!headerNames.has(name)) problems.push(`${name} is not in the header`);
    else if (!UNDERSTOOD_EXTENSIONS.has(name)) problems.push(`${name} is an extension verifiers will not understand`);
  }
  return problems;
}

/** RFC 8725 §3.11 and RFC 7519 §5.1: `JWT`, `application/jwt`, or an explicit `…+jwt` type. */
function isJwtType(typ: string): boolean {
  const t = typ.toLowerCase();
  return t === 'jwt' || t === 'application/jwt' || t.endsWith('+jwt');
}

export const headerRules = [
  defineRule({
    id: 'kid-injection',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'header',
    title: 'Injection-shaped kid',
    advice: 'Treat kid as untrusted input: look it up in a fixed key map, never in a file path, SQL, LDAP or shell (RFC 8725 §3.10).',
    check: ({ token }): RuleHit[] => {
      const kid = member(token.header, 'kid');
      if (kid === undefined) return [];
      if (kid.type !== 'string') return [{ severity: 'medium', path: 'header.kid', evidence: `a JSON ${kid.type}` }];
      const kind = kidInjection(kid.value);
      return kind === null ? [] : [{ path: 'header.kid', evidence: kid.value.slice(0, 80), note: kind }];
    },
  }),
  defineRule({
    id: 'crit-misuse',
    severity: 'medium',
    category: 'header',
    title: 'crit misuse',
    advice: 'crit lists only extension parameters present in the header (RFC 7515 §4.1.11); a verifier must reject what it does not understand.',
    check: ({ token }): RuleHit[] => {
      const crit = member(token.header, 'crit');
      if (crit === undefined) return [];
      const names = new Set(token.header.entries.map(([k]) => k));
      return critProblems(crit, names).map((note) => ({ path: 'header.crit', note }));
    },
  }),
  defineRule({
    id: 'b64-false',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'header',
    title: 'b64:false in a JWT',
    advice: 'JWTs MUST NOT use the unencoded payload option (RFC 7797 §7), and b64 must be listed in crit (§6).',
    check: ({ token }): RuleHit[] => {
      const b64 = member(token.header, 'b64');
      if (b64 === undefined) return [];
      const hits: RuleHit[] = [];
      if (b64.type === 'boolean' && !b64.value) hits.push({ path: 'header.b64', evidence: 'false' });
      const crit = member(token.header, 'crit');
      const listed = crit?.type === 'array' && crit.items.some((i) => i.type === 'string' && i.value === 'b64');
      if (!listed) hits.push({ severity: 'medium', path: 'header.b64', note: 'b64 is not listed in crit' });
      return hits;
    },
  }),
  defineRule({
    id: 'typ-missing',
    severity: 'low',
    alsoReports: ['info'],
    category: 'header',
    title: 'No explicit type',
    advice: 'Set typ (JWT, or an explicit type such as at+jwt) so one kind of token cannot pass for another (RFC 8725 §3.11).',
    check: ({ token }): RuleHit[] => {
      const typ = member(token.header, 'typ');
      if (typ === undefined) return [{ severity: 'info', path: 'header.typ', note: 'missing' }];
      if (typ.type !== 'string') return [{ path: 'header.typ', evidence: `a JSON ${typ.type}` }];
      return isJwtType(typ.value) ? [] : [{ path: 'header.typ', evidence: typ.value, note: 'not JWT, application/jwt or …+jwt' }];
    },
  }),
  defineRule({
    id: 'nested-jwt',
    severity: 'info',
    category: 'header',
    title: 'Nested JWT',
    advice: 'Validate both the outer and the inner token (RFC 8725 §3.3, RFC 7519 §5.2).',
    check: ({ token }) => (declaresNestedJwt(token.header) ? [{ path: 'header.cty' }] : []),
  }),
  defineRule({
    id: 'unregistered-header',
    severity: 'info',
    category: 'header',
    title: 'Unregistered header parameters',
    advice: 'The header is never encrypted (RFC 7519 §5.3): keep data out of it, and make sure verifiers ignore what they do not know.',
    check: ({ token }): RuleHit[] => {
      const extra = [...new Set(token.header.entries.map(([k]) => k).filter((k) => !REGISTERED_HEADER_PARAMS.has(k)))];
      return extra.length === 0 ? [] : [{ path: 'header', evidence: extra.join(', ') }];
    },
  }),
];
