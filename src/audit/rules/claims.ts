import { isLoopbackHost } from '../../keys/remote-url.js';
import { member, stringMember, type JsonNode } from '../../token/json.js';
import { claimInjection } from '../injection.js';
import { addressRange } from '../ip.js';
import { evidenceOf, urlEvidence } from '../mask.js';
import { parseUrl } from '../net.js';
import { defineRule, type RuleHit } from '../rule.js';
import { lastSegment, leaves, walkNodes } from '../sensitive/walk.js';

/** RFC 9068 §2.2: the claims an `at+jwt` access token MUST carry. */
const AT_JWT_REQUIRED = ['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti'];

/** Claims that back-ends use as lookup keys (RFC 8725 §2.9). */
const LOOKUP_CLAIMS = ['sub', 'username', 'preferred_username', 'email', 'tenant', 'tid', 'org', 'uid', 'user_id', 'client_id'];

const ADMIN_FLAG = /^(?:is_?)?admin$/i;
const PRIVILEGE_LIST = /^(?:roles?|groups?|permissions?|perms|scopes?|scp|entitlements|authorities|privileges)$/i;
const POWERFUL = /admin|root|superuser|owner|sudo|\*/i;

/** The powerful values a privilege claim holds: `true`, or strings that name admin, root, owner … */
function powerfulValues(node: JsonNode): string[] {
  if (node.type === 'boolean') return node.value ? ['true'] : [];
  if (node.type === 'string') return POWERFUL.test(node.value) ? [node.value] : [];
  if (node.type === 'array') return node.items.flatMap((item) => (item.type === 'string' || item.type === 'boolean' ? powerfulValues(item) : []));
  return [];
}

/** Why a claim URL points inside a network (RFC 8725 §2.9: URLs in claims invite SSRF), or null. */
function internalHost(text: string): string | null {
  const url = parseUrl(text);
  if (url === null) return null;
  const host = url.hostname;
  if (isLoopbackHost(host)) return 'loopback host';
  const range = addressRange(host);
  return range === 'private' || range === 'link-local' || range === 'unspecified' ? `${range} address` : null;
}

export const claimRules = [
  defineRule({
    id: 'no-audience',
    severity: 'medium',
    category: 'lifetime',
    title: 'No audience, or a wildcard',
    advice: 'Issue tokens for one audience and have verifiers check aud (RFC 8725 §3.9); otherwise a token for one service works at another.',
    check: ({ token }): RuleHit[] => {
      if (token.claims === null) return [];
      const aud = member(token.claims, 'aud');
      if (aud === undefined) return [{ path: 'payload.aud', note: 'missing' }];
      const values = aud.type === 'array' ? aud.items : [aud];
      if (values.length === 0) return [{ path: 'payload.aud', note: 'an empty list' }];
      const strings = values.flatMap((v) => (v.type === 'string' ? [v.value] : []));
      if (strings.some((s) => s === '')) return [{ path: 'payload.aud', note: 'an empty string' }];
      const wild = strings.find((s) => s.includes('*'));
      return wild === undefined ? [] : [{ path: 'payload.aud', evidence: wild, note: 'a wildcard' }];
    },
  }),
  defineRule({
    id: 'weak-issuer',
    severity: 'low',
    category: 'lifetime',
    title: 'No issuer, or a plain-http issuer',
    advice: 'Name the issuer with an https URL and tie verification keys to it (RFC 8725 §3.8).',
    check: ({ token, showValues }): RuleHit[] => {
      if (token.claims === null) return [];
      const iss = member(token.claims, 'iss');
      if (iss === undefined) return [{ path: 'payload.iss', note: 'missing' }];
      if (iss.type !== 'string') return [{ path: 'payload.iss', evidence: `a JSON ${iss.type}` }];
      const url = parseUrl(iss.value);
      if (url?.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return [{ path: 'payload.iss', evidence: urlEvidence(iss.value, showValues), note: 'plain http' }];
      }
      return [];
    },
  }),
  defineRule({
    id: 'no-jti',
    severity: 'info',
    category: 'lifetime',
    title: 'No jti',
    advice: 'Without jti there is no handle to revoke or detect the replay of one token (RFC 9068 §2.2).',
    check: ({ token }) => (token.claims !== null && member(token.claims, 'jti') === undefined ? [{ path: 'payload.jti' }] : []),
  }),
  defineRule({
    id: 'at-jwt-incomplete',
    severity: 'medium',
    category: 'lifetime',
    title: 'RFC 9068 profile incomplete',
    advice: 'An at+jwt access token MUST carry iss, exp, aud, sub, client_id, iat and jti (RFC 9068 §2.2).',
    check: ({ token }): RuleHit[] => {
      const typ = stringMember(token.header, 'typ')?.toLowerCase();
      if (token.claims === null || (typ !== 'at+jwt' && typ !== 'application/at+jwt')) return [];
      const missing = AT_JWT_REQUIRED.filter((name) => member(token.claims, name) === undefined);
      return missing.length === 0 ? [] : [{ path: 'payload', evidence: `missing ${missing.join(', ')}` }];
    },
  }),
  defineRule({
    id: 'privilege-claim',
    severity: 'info',
    category: 'lifetime',
    title: 'Privilege claims (tamper targets)',
    advice: 'Attackers edit these first: authorise on the server, and make sure the signature is always verified.',
    check: ({ token }): RuleHit[] => {
      if (token.claims === null) return [];
      return walkNodes(token.claims, 'payload').flatMap((visit): RuleHit[] => {
        if (!visit.isMember || visit.key === null) return [];
        const name = lastSegment(visit.key);
        if (!ADMIN_FLAG.test(name) && !PRIVILEGE_LIST.test(name)) return [];
        const powerful = powerfulValues(visit.node);
        return powerful.length === 0 ? [] : [{ path: visit.path, evidence: powerful.join(', ').slice(0, 120) }];
      });
    },
  }),
  defineRule({
    id: 'claim-injection',
    severity: 'medium',
    category: 'lifetime',
    title: 'Injection-shaped lookup claims',
    advice: 'Back-ends look these claims up in SQL, LDAP or files (RFC 8725 §2.9): bind them as parameters, never splice them in.',
    // These claims hold personal data (emails, user names): masked like the sensitive-data evidence.
    check: ({ token, showValues }): RuleHit[] =>
      LOOKUP_CLAIMS.flatMap((name): RuleHit[] => {
        const value = stringMember(token.claims, name);
        const kind = value === undefined ? null : claimInjection(value);
        return kind === null ? [] : [{ path: `payload.${name}`, evidence: evidenceOf(value!.slice(0, 80), showValues), note: kind }];
      }),
  }),
  defineRule({
    id: 'internal-url',
    severity: 'low',
    category: 'sensitive-data',
    title: 'Internal URL in a claim',
    advice: 'URLs in claims reveal the internal network and invite SSRF if a service fetches them (RFC 8725 §2.9).',
    check: ({ token, showValues }): RuleHit[] => {
      if (token.claims === null) return [];
      return leaves(token.claims, 'payload').flatMap((leaf): RuleHit[] => {
        if (leaf.node.type !== 'string') return [];
        const why = internalHost(leaf.node.value);
        return why === null ? [] : [{ path: leaf.path, evidence: urlEvidence(leaf.node.value, showValues).slice(0, 120), note: why }];
      });
    },
  }),
];
