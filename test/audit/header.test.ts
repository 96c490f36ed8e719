import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jws } from '../helpers/tokens.js';
import { audit, hitsOf, NOW, QUIET_CLAIMS, QUIET_HEADER } from './helpers.js';

const CERTS = JSON.parse(readFileSync(new URL('./fixtures/x5c-certs.json', import.meta.url), 'utf8')) as Record<string, string>;

/** The node-jose CVE-2018-0114 fixture shape: a public RSA key in the header. */
const PUBLIC_RSA_JWK = {
  kty: 'RSA',
  kid: 'ilmari',
  use: 'sig',
  n: 'vt0OdeofYN8XkBwj23Ne1tjAkXOr-A3GOWM4AwDOo6HXD5aiLk5mW88WVDYDs8bj1XEzCgkvnNZ3u_YBrH9KyCvcxP2Q7EZt3tj-VmPlxlj8jR2OrUKSNoHNm3Bh_5IxoG9YYqa9xXszFqeINIBqzoIaCk3jHUNSB-WPU47Zg3HfvGdcWUZHHm3N0J0zMyY6nBOD8ESdcZ3BbVN-ua61hcnkoEBOkSu2pcxk3cLQ0j8l0S2sCPP-XY6c3k_dRPoUwsKtDSLGlo3BFa4rwCrLgTsEGnIwP5PeuBpKx9PmR8sDE1e2tkzCYL4vP4qDSMpu15kfoWdLV1iGZ7NEfxrdCQ',
  e: 'AQAB',
};

describe('embedded-jwk', () => {
  it('fires high on a public key and critical on a private one', () => {
    expect(hitsOf('embedded-jwk', jws({ alg: 'PS256', jwk: PUBLIC_RSA_JWK }, QUIET_CLAIMS))).toMatchObject([{ severity: 'high', path: 'header.jwk' }]);
    expect(hitsOf('embedded-jwk', jws({ alg: 'PS256', jwk: { ...PUBLIC_RSA_JWK, d: 'AQAB' } }, QUIET_CLAIMS))).toMatchObject([
      { severity: 'critical', evidence: 'private members d' },
    ]);
    expect(hitsOf('embedded-jwk', jws({ alg: 'HS256', jwk: { kty: 'oct', k: 'c2VjcmV0' } }, QUIET_CLAIMS))).toMatchObject([{ severity: 'critical' }]);
  });

  it('does not fire on a header with only kid', () => {
    expect(hitsOf('embedded-jwk', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('jku-x5u-url', () => {
  it.each([
    ['http://127.0.0.1/jwks.json', 'scheme http; IP literal host (loopback)'],
    ['https://10.0.0.8/jwks.json', 'IP literal host (private)'],
    ['https://[::1]/jwks.json', 'IP literal host (loopback)'],
    ['https://keys.internal/jwks.json', 'internal host name keys.internal'],
    ['https://localhost/jwks.json', 'internal host name localhost'],
    ['https://user:pw@idp.example.com/jwks.json', 'userinfo in the URL'],
    ['https://idp.example.com:8443/jwks.json', 'port 8443'],
    ['file:///etc/passwd', 'not an absolute URL'],
  ])('fires high on %s', (url, note) => {
    expect(hitsOf('jku-x5u-url', jws({ ...QUIET_HEADER, jku: url }, QUIET_CLAIMS))).toMatchObject([{ severity: 'high', note }]);
  });

  it('masks a password in the URL unless values are shown', () => {
    const token = jws({ ...QUIET_HEADER, jku: 'https://user:hunter2@idp.example.com/jwks.json' }, QUIET_CLAIMS);
    expect(hitsOf('jku-x5u-url', token)[0]?.evidence).toBe('https://user:h*****2 (7 chars)@idp.example.com/jwks.json');
    expect(hitsOf('jku-x5u-url', token, { showValues: true })[0]?.evidence).toBe('https://user:hunter2@idp.example.com/jwks.json');
  });

  it('fires medium on an https URL on a public host, for jku and x5u', () => {
    const token = jws({ ...QUIET_HEADER, jku: 'https://attacker.example/jwks.json', x5u: 'https://attacker.example/c.pem' }, QUIET_CLAIMS);
    expect(hitsOf('jku-x5u-url', token).map((f) => [f.path, f.severity])).toEqual([
      ['header.jku', 'medium'],
      ['header.x5u', 'medium'],
    ]);
  });

  it('does not fire without jku', () => {
    expect(hitsOf('jku-x5u-url', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('embedded-x5c', () => {
  const x5c = (chain: unknown, now = NOW) => hitsOf('embedded-x5c', jws({ alg: 'RS256', x5c: chain }, QUIET_CLAIMS), { now });

  it('fires high on a self-signed leaf', () => {
    expect(x5c([CERTS.selfSigned])).toMatchObject([{ severity: 'high', evidence: 'self-signed' }]);
  });

  it('fires medium on a CA-signed 2048-bit leaf', () => {
    expect(x5c([CERTS.caSigned, CERTS.ca])).toMatchObject([{ severity: 'medium', path: 'header.x5c' }]);
  });

  it('fires high on an RSA key under 2048 bits and on an expired leaf', () => {
    expect(x5c([CERTS.caSigned1024])).toMatchObject([{ severity: 'high', evidence: 'RSA 1024-bit key' }]);
    const year2200 = 7258118400;
    expect(x5c([CERTS.caSigned], year2200)[0]?.evidence).toMatch(/^expired /);
  });

  it('fires medium when the leaf cannot be read', () => {
    expect(x5c(['not base64!'])).toMatchObject([{ severity: 'medium', note: 'x5c[0] is not a base64 certificate' }]);
    expect(x5c(['bm90IGEgY2VydA=='])).toMatchObject([{ severity: 'medium', note: 'x5c[0] does not parse as an X.509 certificate' }]);
  });

  it('does not fire without x5c', () => {
    expect(hitsOf('embedded-x5c', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('kid-injection', () => {
  it.each([
    ['../../../../../../dev/null', 'path traversal'],
    ['/dev/null', 'file path'],
    ['C:\\keys\\k.pem', 'file path'],
    ['|sleep 10', 'shell'],
    ["x' UNION SELECT '1';--", 'SQL'],
    ['*)(uid=*', 'LDAP'],
    ['https://evil.example/k', 'url scheme'],
    ['k1\u0000', 'control character'],
    ['%2e%2e%2fetc', 'path traversal'],
    ['k'.repeat(300), 'too long'],
  ])('fires on %j', (kid, note) => {
    expect(hitsOf('kid-injection', jws({ ...QUIET_HEADER, kid }, QUIET_CLAIMS))).toMatchObject([{ severity: 'high', note }]);
  });

  it.each([['2024-05-key-1'], ['3f1c2a9e-7b44-4e0b-9d8a-2f6c1e0b5a77'], ['NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'], ["O'Brien"]])(
    'does not fire on %j',
    (kid) => {
      expect(hitsOf('kid-injection', jws({ ...QUIET_HEADER, kid }, QUIET_CLAIMS))).toEqual([]);
    },
  );

  it('fires medium on a kid that is not a string', () => {
    expect(hitsOf('kid-injection', jws({ ...QUIET_HEADER, kid: 7 }, QUIET_CLAIMS))).toMatchObject([{ severity: 'medium' }]);
  });
});

describe('crit-misuse', () => {
  it.each([
    [{ crit: ['exp'] }, 'exp is not in the header'],
    [{ crit: [] }, 'an empty list'],
    [{ crit: 'b64', b64: true }, 'a JSON string, not an array'],
    [{ crit: ['alg'] }, 'alg is a registered parameter'],
    [{ crit: ['b64', 'b64'], b64: true }, 'b64 listed twice'],
    [{ crit: ['x-ext'], 'x-ext': 1 }, 'x-ext is an extension verifiers will not understand'],
  ])('fires on %j', (extra, note) => {
    expect(hitsOf('crit-misuse', jws({ ...QUIET_HEADER, ...extra }, QUIET_CLAIMS))).toContainEqual(expect.objectContaining({ note }));
  });

  it('does not fire on "b64":true,"crit":["b64"]', () => {
    expect(hitsOf('crit-misuse', jws({ ...QUIET_HEADER, b64: true, crit: ['b64'] }, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('b64-false', () => {
  it('fires high on b64:false', () => {
    expect(hitsOf('b64-false', jws({ alg: 'HS256', b64: false, crit: ['b64'] }, QUIET_CLAIMS))).toMatchObject([{ severity: 'high' }]);
  });

  it('fires medium on b64 not listed in crit', () => {
    expect(hitsOf('b64-false', jws({ alg: 'HS256', b64: true }, QUIET_CLAIMS))).toMatchObject([{ severity: 'medium', note: 'b64 is not listed in crit' }]);
  });

  it('does not fire without b64', () => {
    expect(hitsOf('b64-false', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('typ-missing', () => {
  it('fires info without typ and low on a type that is not a JWT', () => {
    expect(hitsOf('typ-missing', jws({ alg: 'HS256' }, QUIET_CLAIMS))).toMatchObject([{ severity: 'info' }]);
    expect(hitsOf('typ-missing', jws({ alg: 'HS256', typ: 'JOSE' }, QUIET_CLAIMS))).toMatchObject([{ severity: 'low', evidence: 'JOSE' }]);
  });

  it.each([['at+jwt'], ['JWT'], ['application/jwt'], ['secevent+jwt'], ['application/at+JWT']])('does not fire on typ %s', (typ) => {
    expect(hitsOf('typ-missing', jws({ alg: 'HS256', typ }, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('nested-jwt', () => {
  it('fires on cty JWT in any case', () => {
    expect(hitsOf('nested-jwt', jws({ ...QUIET_HEADER, cty: 'jwt' }, QUIET_CLAIMS))).toMatchObject([{ severity: 'info' }]);
  });

  it('does not fire without cty', () => {
    expect(hitsOf('nested-jwt', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});

describe('unregistered-header', () => {
  it('lists unregistered names, and the sensitive-data rules read their values', () => {
    const findings = audit(jws({ alg: 'HS256', user: 'bob@x.io' }, QUIET_CLAIMS));
    expect(findings.filter((f) => f.id === 'unregistered-header')).toMatchObject([{ evidence: 'user' }]);
    expect(findings.filter((f) => f.id === 'email-address')).toMatchObject([{ path: 'header.user', severity: 'low' }]);
  });

  it('does not fire on {"alg":"HS256","typ":"JWT","kid":"k1"}', () => {
    expect(hitsOf('unregistered-header', jws(QUIET_HEADER, QUIET_CLAIMS))).toEqual([]);
  });
});
