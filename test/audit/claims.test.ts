import { describe, expect, it } from 'vitest';
import { jws } from '../helpers/tokens.js';
import { audit, hitsOf, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';
import { OWASP_JAVA } from './vectors.js';

const withClaims = (claims: object, header: object = QUIET_HEADER): string => jws(header, { ...QUIET_CLAIMS, ...claims });
const omit = (...names: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(QUIET_CLAIMS).filter(([k]) => !names.includes(k)));

describe('no-audience', () => {
  it.each([
    [omit('aud'), 'missing'],
    [{ ...QUIET_CLAIMS, aud: '' }, 'an empty string'],
    [{ ...QUIET_CLAIMS, aud: [] }, 'an empty list'],
    [{ ...QUIET_CLAIMS, aud: ['api', '*'] }, 'a wildcard'],
  ])('fires on %j', (claims, note) => {
    expect(hitsOf('no-audience', jws(QUIET_HEADER, claims))).toMatchObject([{ severity: 'medium', note }]);
  });

  it('does not fire on "aud":"api://orders"', () => {
    expect(hitsOf('no-audience', withClaims({ aud: 'api://orders' }))).toEqual([]);
  });
});

describe('weak-issuer', () => {
  it('fires on a plain-http issuer and on a missing one', () => {
    expect(hitsOf('weak-issuer', withClaims({ iss: 'http://idp.example.com' }))).toMatchObject([{ severity: 'low', note: 'plain http' }]);
    expect(hitsOf('weak-issuer', jws(QUIET_HEADER, omit('iss')))).toMatchObject([{ note: 'missing' }]);
  });

  it('does not fire on an https issuer or an http localhost one', () => {
    expect(hitsOf('weak-issuer', withClaims({ iss: 'https://idp.example.com' }))).toEqual([]);
    expect(hitsOf('weak-issuer', withClaims({ iss: 'http://localhost:8080/realms/dev' }))).toEqual([]);
  });
});

describe('no-jti', () => {
  it('fires without jti, not with one', () => {
    expect(hitsOf('no-jti', jws(QUIET_HEADER, omit('jti')))).toMatchObject([{ severity: 'info' }]);
    expect(hitsOf('no-jti', withClaims({ jti: 'c3a1' }))).toEqual([]);
  });
});

describe('at-jwt-incomplete', () => {
  const AT = { ...QUIET_HEADER, typ: 'at+jwt' };

  it('fires on at+jwt with no client_id', () => {
    expect(hitsOf('at-jwt-incomplete', jws(AT, QUIET_CLAIMS))).toMatchObject([{ severity: 'medium', evidence: 'missing client_id' }]);
  });

  it('does not fire on a complete at+jwt, nor on a plain JWT', () => {
    expect(hitsOf('at-jwt-incomplete', withClaims({ client_id: 'c1' }, { ...AT, typ: 'application/at+jwt' }))).toEqual([]);
    expect(hitsOf('at-jwt-incomplete', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('privilege-claim', () => {
  it('fires on the OWASP sample "admin":true', () => {
    expect(hitsOf('privilege-claim', OWASP_JAVA)).toMatchObject([{ severity: 'info', path: 'payload.admin', evidence: 'true' }]);
  });

  it('finds namespaced and nested role lists (Auth0, Keycloak)', () => {
    const token = withClaims({ 'https://app.example.com/roles': ['Owner'], realm_access: { roles: ['offline_access', 'realm-admin'] } });
    expect(hitsOf('privilege-claim', token).map((f) => [f.path, f.evidence])).toEqual([
      ['payload["https://app.example.com/roles"]', 'Owner'],
      ['payload.realm_access.roles', 'realm-admin'],
    ]);
  });

  it.each([[{ roles: ['reader'] }], [{ is_admin: false }], [{ scope: 'openid profile' }]])('does not fire on %j', (claims) => {
    expect(hitsOf('privilege-claim', withClaims(claims))).toEqual([]);
  });
});

describe('claim-injection', () => {
  it.each([
    [{ sub: "x' OR '1'='1" }, 'SQL'],
    [{ username: '../../etc/passwd' }, 'path traversal'],
    [{ tenant: '${jndi:ldap://x}' }, 'template'],
    [{ uid: '*)(uid=*' }, 'LDAP'],
    [{ org: 'acme; sleep 5' }, 'shell'],
    [{ email: '{{7*7}}@x.io' }, 'template'],
  ])('fires on %j', (claims, note) => {
    expect(hitsOf('claim-injection', withClaims(claims))).toMatchObject([{ severity: 'medium', note }]);
  });

  it('masks the value, which is personal data, unless values are shown', () => {
    const compact = withClaims({ email: "o'neil.and.co@example.com" });
    expect(hitsOf('claim-injection', compact)).toMatchObject([{ evidence: 'o************m (25 chars)' }]);
    expect(hitsOf('claim-injection', compact, { showValues: true })).toMatchObject([{ evidence: "o'neil.and.co@example.com" }]);
  });

  it.each([[{ sub: "O'Brien" }], [{ sub: 'auth0|5f7c8ec7c33c6c004bbafe82' }], [{ preferred_username: 'jane.doe' }]])('does not fire on %j', (claims) => {
    expect(hitsOf('claim-injection', withClaims(claims))).toEqual([]);
  });
});

describe('internal-url', () => {
  it.each([['http://10.0.0.5/x'], ['http://169.254.169.254/latest/meta-data/'], ['http://localhost:8080/cb'], ['https://[fd00::1]/a']])(
    'fires on %s',
    (url) => {
      expect(hitsOf('internal-url', withClaims({ callback: url }))).toMatchObject([{ severity: 'low', path: 'payload.callback' }]);
    },
  );

  it('masks a password in the URL unless values are shown', () => {
    const claims = withClaims({ callback: 'http://svc:p@ss:w0rd@10.0.0.5/x', iss: 'http://admin:s3cret@idp.example.com' });
    expect(hitsOf('internal-url', claims)[0]?.evidence).toBe('http://svc:p*******d (9 chars)@10.0.0.5/x');
    expect(hitsOf('weak-issuer', claims)[0]?.evidence).toBe('http://admin:s****t (6 chars)@idp.example.com');
    expect(hitsOf('internal-url', claims, { showValues: true })[0]?.evidence).toBe('http://svc:p@ss:w0rd@10.0.0.5/x');
  });

  it('does not fire on a public URL', () => {
    expect(hitsOf('internal-url', withClaims({ picture: 'https://cdn.example.com/a.png' }))).toEqual([]);
  });

  it('is redacted like other sensitive data', () => {
    expect(audit(withClaims({ callback: 'http://10.0.0.5/x' })).find((f) => f.id === 'internal-url')?.category).toBe('sensitive-data');
  });
});
