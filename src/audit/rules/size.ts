import { Buffer } from 'node:buffer';
import { defineRule, type RuleHit } from '../rule.js';
import { walkNodes } from '../sensitive/walk.js';

/** RFC 6265 §6.1 and rfc6265bis: name + value of one cookie up to 4096 bytes. */
export const COOKIE_LIMIT = 4096;
/** The cookie name assumed when the token did not come in one. */
const DEFAULT_COOKIE_NAME = 'jwt';
/** Apache LimitRequestFieldSize and nginx large_client_header_buffers (8 KiB per line). */
const PROXY_HEADER_LIMIT = 8190;
/** Node's http.maxHeaderSize (all headers together). */
const NODE_HEADER_LIMIT = 16384;
const LARGE_HEADER = 1024;
/** [OWASP-JWT-J] "Overloading JWT Payloads": policy thresholds. */
const OVERLOAD = { leaves: 100, depth: 8, stringBytes: 2048 } as const;

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export const sizeRules = [
  defineRule({
    id: 'cookie-too-big',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'size',
    title: 'Too big for one cookie',
    advice: 'Browsers drop a cookie over 4096 bytes (RFC 6265 §6.1); shrink the claims or keep the token server-side.',
    check: ({ token, found }): RuleHit[] => {
      const fromCookie = found.as === 'cookie';
      const name = fromCookie && found.name !== null ? found.name : DEFAULT_COOKIE_NAME;
      const bytes = utf8Length(name) + 1 + utf8Length(token.compact);
      if (bytes <= COOKIE_LIMIT) return [];
      return [{ evidence: `${bytes} bytes as cookie ${name}`, ...(fromCookie ? {} : { severity: 'medium' as const }) }];
    },
  }),
  defineRule({
    id: 'header-too-big',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'size',
    title: 'Too big for common header limits',
    advice: 'Proxies refuse header lines over 8 KiB (Apache, nginx) and Node over 16 KiB; shrink the claims.',
    check: ({ token }): RuleHit[] => {
      const bytes = utf8Length(`Authorization: Bearer ${token.compact}`);
      if (bytes > NODE_HEADER_LIMIT) return [{ evidence: `${bytes} bytes`, note: `over Node's ${NODE_HEADER_LIMIT}` }];
      if (bytes > PROXY_HEADER_LIMIT) return [{ severity: 'medium', evidence: `${bytes} bytes`, note: `over Apache/nginx ${PROXY_HEADER_LIMIT}` }];
      return [];
    },
  }),
  defineRule({
    id: 'large-header',
    severity: 'low',
    category: 'size',
    title: 'Large header',
    advice: 'A big header usually embeds a key or a certificate chain (see embedded-jwk, embedded-x5c); reference keys by kid instead.',
    check: ({ token }) => {
      const bytes = token.segments[0]?.bytes?.length ?? 0;
      return bytes > LARGE_HEADER ? [{ path: 'header', evidence: `${bytes} bytes` }] : [];
    },
  }),
  defineRule({
    id: 'overloaded-payload',
    severity: 'low',
    category: 'size',
    title: 'Overloaded payload',
    advice: 'Every claim is exposed and sent with each request: keep tokens to what the audience needs [OWASP-JWT-J].',
    check: ({ token }): RuleHit[] => {
      if (token.claims === null) return [];
      const nodes = walkNodes(token.claims, 'payload');
      const scalars = nodes.filter((v) => v.node.type !== 'object' && v.node.type !== 'array');
      const depth = Math.max(...nodes.map((v) => v.depth));
      const long = scalars
        .map((v) => ({ path: v.path, bytes: v.node.type === 'string' ? utf8Length(v.node.value) : 0 }))
        .find((s) => s.bytes > OVERLOAD.stringBytes);
      const hits: RuleHit[] = [];
      if (scalars.length > OVERLOAD.leaves) hits.push({ path: 'payload', evidence: `${scalars.length} leaf claims` });
      if (depth > OVERLOAD.depth) hits.push({ path: 'payload', evidence: `nested ${depth} levels deep` });
      if (long !== undefined) hits.push({ path: long.path, evidence: `a ${long.bytes}-byte string` });
      return hits;
    },
  }),
];
