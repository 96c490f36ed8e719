import { numericDate } from '../../claims/times.js';
import { cookieAttribute, type SetCookie } from '../../token/cookie.js';
import { defineRule, type AuditContext, type RuleHit } from '../rule.js';
import { COOKIE_LIMIT, utf8Length } from './size.js';

/** rfc6265bis §5.6: an attribute value over 1024 bytes is ignored. */
const ATTRIBUTE_LIMIT = 1024;

/** The hardened form [OWASP-JWT-J "Token Sidejacking"]. */
const HARDENED = '__Host-jwt=…; Secure; HttpOnly; Path=/; SameSite=Strict';

function has(cookie: SetCookie, name: string): boolean {
  return cookieAttribute(cookie, name) !== undefined;
}

/** The rules below run only when the token came in a Set-Cookie line. */
function cookieRule(check: (cookie: SetCookie, ctx: AuditContext) => RuleHit[]): (ctx: AuditContext) => RuleHit[] {
  return (ctx) => (ctx.found.setCookie === undefined ? [] : check(ctx.found.setCookie, ctx));
}

/**
 * How long the browser keeps the cookie, in seconds from now; null for a
 * session cookie. RFC 6265 §5.3 step 3: Max-Age wins over Expires.
 */
function cookieLifetime(cookie: SetCookie, now: number): number | null {
  const maxAge = cookieAttribute(cookie, 'Max-Age')?.value;
  if (maxAge !== undefined && maxAge !== null && /^-?\d+$/.test(maxAge)) return Number(maxAge);
  const expires = cookieAttribute(cookie, 'Expires')?.value;
  const at = expires === undefined || expires === null ? NaN : Date.parse(expires);
  return Number.isNaN(at) ? null : at / 1000 - now;
}

/** rfc6265bis §4.1.3: cookie-name prefixes, matched case-insensitively as browsers now do. */
function prefixOf(name: string): '__Host-' | '__Secure-' | null {
  const lower = name.toLowerCase();
  if (lower.startsWith('__host-')) return '__Host-';
  return lower.startsWith('__secure-') ? '__Secure-' : null;
}

export const cookieRules = [
  defineRule({
    id: 'cookie-no-httponly',
    severity: 'high',
    category: 'cookie',
    title: 'No HttpOnly',
    advice: `Any XSS can read this token; set HttpOnly (${HARDENED}).`,
    check: cookieRule((cookie) => (has(cookie, 'HttpOnly') ? [] : [{ path: 'cookie.HttpOnly', evidence: cookie.name }])),
  }),
  defineRule({
    id: 'cookie-no-secure',
    severity: 'high',
    category: 'cookie',
    title: 'No Secure',
    advice: `The token can travel over plain http; set Secure (${HARDENED}).`,
    check: cookieRule((cookie) => (has(cookie, 'Secure') ? [] : [{ path: 'cookie.Secure', evidence: cookie.name }])),
  }),
  defineRule({
    id: 'cookie-samesite',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'cookie',
    title: 'SameSite missing or None',
    advice: 'Set SameSite=Strict or Lax so other sites cannot send the token along (CSRF).',
    check: cookieRule((cookie): RuleHit[] => {
      const sameSite = cookieAttribute(cookie, 'SameSite')?.value?.toLowerCase();
      if (sameSite === 'strict' || sameSite === 'lax') return [];
      if (sameSite === 'none') {
        // rfc6265bis: browsers reject SameSite=None without Secure.
        return has(cookie, 'Secure')
          ? [{ severity: 'medium', path: 'cookie.SameSite', evidence: 'None', note: 'sent on cross-site requests (CSRF)' }]
          : [{ path: 'cookie.SameSite', evidence: 'None', note: 'without Secure: browsers drop the cookie' }];
      }
      const note = sameSite === undefined ? 'missing: Lax by default is not universal' : `unknown value ${sameSite}`;
      return [{ severity: 'medium', path: 'cookie.SameSite', note }];
    }),
  }),
  defineRule({
    id: 'cookie-prefix',
    severity: 'high',
    alsoReports: ['low'],
    category: 'cookie',
    title: 'Cookie prefix rules',
    advice: 'Name the cookie __Host-… with Secure, Path=/ and no Domain, so no subdomain or http page can set or shadow it.',
    check: cookieRule((cookie): RuleHit[] => {
      const prefix = prefixOf(cookie.name);
      const secure = has(cookie, 'Secure');
      const noHostPrefix: RuleHit = { severity: 'low', path: 'cookie.name', evidence: cookie.name, note: 'no __Host- prefix' };
      if (prefix === '__Secure-') {
        const rejected: RuleHit[] = secure ? [] : [{ path: 'cookie.name', evidence: cookie.name, note: '__Secure- without Secure: the browser rejects it' }];
        return [...rejected, noHostPrefix];
      }
      if (prefix === null) return [noHostPrefix];
      const path = cookieAttribute(cookie, 'Path')?.value;
      const broken = [!secure && 'without Secure', has(cookie, 'Domain') && 'with Domain', path !== '/' && `with Path ${path ?? '(missing)'}`].filter(
        (x) => x !== false,
      );
      return broken.length === 0 ? [] : [{ path: 'cookie.name', evidence: cookie.name, note: `__Host- ${broken.join(', ')}: the browser rejects it` }];
    }),
  }),
  defineRule({
    id: 'cookie-domain',
    severity: 'medium',
    category: 'cookie',
    title: 'Domain attribute',
    advice: 'With Domain the cookie goes to every subdomain; leave Domain out (host-only cookie).',
    check: cookieRule((cookie) => {
      const domain = cookieAttribute(cookie, 'Domain');
      return domain === undefined ? [] : [{ path: 'cookie.Domain', evidence: domain.value ?? '' }];
    }),
  }),
  defineRule({
    id: 'cookie-outlives-token',
    severity: 'low',
    category: 'cookie',
    title: 'Cookie outlives the token',
    advice: 'Set Max-Age to the token lifetime or less, never more; prefer Max-Age to Expires [OWASP-JWT-J].',
    check: cookieRule((cookie, { token, now, tokenClass }): RuleHit[] => {
      const kept = cookieLifetime(cookie, now);
      if (kept === null || kept <= 0) return [];
      const evidence = `${Math.round(kept)} s`;
      const exp = numericDate(token.claims, 'exp');
      if (exp === undefined) {
        // Nothing to compare with: a persistent cookie holding an access token that never expires.
        return tokenClass === 'access' ? [{ path: 'cookie.Max-Age', evidence, note: 'persistent cookie, access token without exp' }] : [];
      }
      return kept > exp - now ? [{ path: 'cookie.Max-Age', evidence, note: `the token expires in ${Math.round(exp - now)} s` }] : [];
    }),
  }),
  defineRule({
    id: 'cookie-size',
    severity: 'high',
    category: 'cookie',
    title: 'Cookie over the size limits',
    advice: 'Browsers ignore such a cookie or attribute (rfc6265bis §5.6–5.7); shrink the token.',
    check: cookieRule((cookie): RuleHit[] => {
      const bytes = utf8Length(cookie.name) + utf8Length(cookie.value);
      const hits: RuleHit[] = bytes > COOKIE_LIMIT ? [{ path: 'cookie', evidence: `name and value ${bytes} bytes` }] : [];
      for (const a of cookie.attributes) {
        const size = a.value === null ? 0 : utf8Length(a.value);
        if (size > ATTRIBUTE_LIMIT) hits.push({ path: `cookie.${a.name}`, evidence: `${size} bytes` });
      }
      return hits;
    }),
  }),
  defineRule({
    id: 'token-in-url',
    severity: 'medium',
    category: 'cookie',
    title: 'Token in a URL',
    advice: 'URLs end up in logs, history and Referer headers (RFC 6750 §2.3, §5.3); send tokens in the Authorization header.',
    check: ({ found }) => (found.as === 'url' ? [{ evidence: `parameter ${found.name ?? '(unnamed)'}` }] : []),
  }),
];
