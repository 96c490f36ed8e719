import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/rule.js';
import { hmacToken, jws } from '../helpers/tokens.js';
import { audit, QUIET_CLAIMS, QUIET_HEADER, type AuditOptions } from './helpers.js';
import { JWT_IO } from './vectors.js';

/** The sensitive-data findings for a payload (on top of quiet claims). */
function sensitive(claims: object, options: AuditOptions = {}): Finding[] {
  return audit(jws(QUIET_HEADER, { ...QUIET_CLAIMS, ...claims }), options).filter((f) => f.category === 'sensitive-data');
}

const summary = (findings: Finding[]) => findings.map((f) => [f.id, f.severity, f.path]);

describe('docs/audit.md "Sensitive data" detector vectors', () => {
  it('{"password":"hunter2"} is a critical credential, masked', () => {
    expect(sensitive({ password: 'hunter2' })).toMatchObject([
      { id: 'sensitive-credential', severity: 'critical', path: 'payload.password', evidence: 'h*****2 (7 chars)' },
    ]);
  });

  it('shows the value only with showValues', () => {
    expect(sensitive({ password: 'hunter2' }, { showValues: true })[0]?.evidence).toBe('hunter2');
  });

  it.each([[{ password_changed_at: 1716242622 }], [{ has_password: true }], [{ password: '' }], [{ password: true }], [{ password: '2024-05-01' }]])(
    'credential metadata %j is no finding',
    (claims) => {
      expect(sensitive(claims)).toEqual([]);
    },
  );

  it('placeholders under a credential name are info', () => {
    for (const value of ['${DB_PASSWORD}', '{{ secret }}', '%PASSWORD%', 'REDACTED', '<redacted>', 'n/a', '********', 'null']) {
      expect(summary(sensitive({ password: value }))).toEqual([['sensitive-credential', 'info', 'payload.password']]);
    }
  });

  it('{"cc":"4111 1111 1111 1111"} is a high payment card', () => {
    expect(summary(sensitive({ cc: '4111 1111 1111 1111' }))).toEqual([['payment-card', 'high', 'payload.cc']]);
    expect(sensitive({ cc: '4111 1111 1111 1111' })[0]?.note).toBe('Visa card number; confidence high');
  });

  it('bare card digits without a card name are medium', () => {
    expect(summary(sensitive({ note: '4111111111111111' }))).toEqual([['payment-card', 'medium', 'payload.note']]);
  });

  it.each([[{ order_id: '4111111111111112' }], [{ order_id: '4111111111111111' }], [{ ts: 1516239022000 }]])('%j is no card', (claims) => {
    expect(sensitive(claims)).toEqual([]);
  });

  it('{"iban":"DE89 3704 0044 0532 0130 00"} fires; DE89370400440532013001 does not', () => {
    expect(summary(sensitive({ iban: 'DE89 3704 0044 0532 0130 00' }))).toEqual([['iban', 'high', 'payload.iban']]);
    expect(sensitive({ iban: 'DE89370400440532013001' })).toEqual([]);
  });

  it('{"ssn":"536-22-1234"} fires; the sample numbers do not', () => {
    expect(summary(sensitive({ ssn: '536-22-1234' }))).toEqual([['national-id', 'high', 'payload.ssn']]);
    expect(sensitive({ ssn: '078-05-1120' })).toEqual([]);
    expect(sensitive({ ssn: '123-45-6789' })).toEqual([]);
  });

  it('email is low in an access token and info as the email claim of an ID token', () => {
    expect(summary(sensitive({ email: 'john.doe@example.com' }))).toEqual([['email-address', 'low', 'payload.email']]);
    expect(summary(sensitive({ email: 'john.doe@example.com', nonce: 'n-0S6_WzA2Mj' }))).toEqual([['email-address', 'info', 'payload.email']]);
  });

  it('an issuer URL is no email', () => {
    expect(sensitive({ iss: 'https://accounts.example.com' })).toEqual([]);
  });

  it('a GitHub token in any claim is a critical service credential', () => {
    expect(summary(sensitive({ note: `ghp_${'Ab1'.repeat(12)}` }))).toEqual([['service-credential', 'critical', 'payload.note']]);
  });

  it('the AWS documentation key is info only', () => {
    expect(summary(sensitive({ aws: 'AKIAIOSFODNN7EXAMPLE' }))).toEqual([['service-credential', 'info', 'payload.aws']]);
  });

  it('{"refresh_token":"eyJ…"} is a nested bearer token; {"token_use":"access"} is nothing', () => {
    expect(summary(sensitive({ refresh_token: JWT_IO }))).toContainEqual(['nested-bearer-token', 'medium', 'payload.refresh_token']);
    expect(sensitive({ token_use: 'access' })).toEqual([]);
  });
});

describe('severity, confidence and name rules', () => {
  it('a validator hit under a fitting name has high confidence, alone medium, a name alone low', () => {
    expect(sensitive({ iban: 'DE89370400440532013000' })[0]?.note).toMatch(/confidence high$/);
    expect(sensitive({ memo: 'DE89370400440532013000' })[0]?.note).toMatch(/confidence medium$/);
    expect(sensitive({ api_key: 'k' })[0]?.note).toMatch(/confidence low$/);
  });

  it('cvv is critical by name; salary and health are special-category', () => {
    expect(summary(sensitive({ cvv: '123', salary: 85000, health: 'asthma' }))).toEqual([
      ['special-category', 'critical', 'payload.cvv'],
      ['special-category', 'high', 'payload.salary'],
      ['special-category', 'high', 'payload.health'],
    ]);
  });

  it('a high-entropy value under a secret-like name is high', () => {
    expect(summary(sensitive({ signing_token_blob: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbA' }))).toEqual([
      ['high-entropy-secret', 'high', 'payload.signing_token_blob'],
    ]);
  });

  it('a private JWK anywhere and a PEM private key are private-key material', () => {
    const findings = sensitive({ cnf: { jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' } }, note: '-----BEGIN PRIVATE KEY-----\nMIIB' });
    expect(summary(findings)).toEqual([
      ['private-key-material', 'critical', 'payload.cnf.jwk'],
      ['private-key-material', 'critical', 'payload.note'],
    ]);
    expect(findings[0]?.evidence).toBe('private members d');
  });

  it('reports government ids by name, phone numbers, IPs, birth dates, addresses and coordinates', () => {
    const findings = sensitive({
      passport: 'X1234567',
      phone_number: '+14155552671',
      client_ip: '203.0.113.9',
      last_ip: '10.0.0.7',
      birthdate: '1990-04-01',
      address: { street_address: '1600 Amphitheatre Pkwy', locality: 'Mountain View' },
      geo: { lat: 37.4221, lng: -122.0841 },
    });
    expect(summary(findings)).toEqual([
      ['national-id', 'high', 'payload.passport'],
      ['date-of-birth', 'medium', 'payload.birthdate'],
      ['postal-address', 'medium', 'payload.address'],
      ['phone-number', 'low', 'payload.phone_number'],
      ['ip-address', 'low', 'payload.client_ip'],
      ['geolocation', 'low', 'payload.geo.lat'],
      ['geolocation', 'low', 'payload.geo.lng'],
      ['ip-address', 'info', 'payload.last_ip'],
    ]);
  });

  it('birthdate is low in an ID token', () => {
    expect(summary(sensitive({ birthdate: '1990-04-01', nonce: 'n' }))).toEqual([['date-of-birth', 'low', 'payload.birthdate']]);
  });

  it('a version string is no IP address', () => {
    expect(sensitive({ version: '1.2.3.4' })).toEqual([]);
  });

  it('sub holds only email or phone findings, at most low', () => {
    expect(summary(sensitive({ sub: 'jane@example.com' }))).toEqual([['email-address', 'low', 'payload.sub']]);
    expect(sensitive({ sub: '4111111111111111' })).toEqual([]);
  });

  it('a Google service-account email is info', () => {
    expect(summary(sensitive({ client_id: 'ci@proj.iam.gserviceaccount.com', owner: 'svc@proj.iam.gserviceaccount.com' }))).toEqual([
      ['email-address', 'info', 'payload.client_id'],
      ['email-address', 'info', 'payload.owner'],
    ]);
  });

  it('an access token with a copied profile raises its email to medium', () => {
    const findings = sensitive({ email: 'jane@example.com', phone_number: '+14155552671', name: 'Jane Doe', birthdate: '1990-04-01' });
    expect(findings.find((f) => f.id === 'email-address')).toMatchObject({ severity: 'medium' });
  });

  it('standard personal claims: names are info, gender low', () => {
    expect(summary(sensitive({ name: 'Jane Doe', given_name: 'Jane', gender: 'female' }))).toEqual([
      ['special-category', 'low', 'payload.gender'],
      ['personal-name', 'info', 'payload.name'],
      ['personal-name', 'info', 'payload.given_name'],
    ]);
  });
});

describe('nested documents', () => {
  it('walks JSON strings and reports at the string', () => {
    expect(sensitive({ data: JSON.stringify({ user: { password: 'p4ss' } }) })).toMatchObject([
      { id: 'sensitive-credential', path: 'payload.data', note: 'credential-named claim; confidence low (inside the JSON text, at user.password)' },
    ]);
  });

  it('walks nested JWTs (their header and claims) and names the token itself', () => {
    const inner = hmacToken({ sub: 'u', email: 'in@example.com', password: 'x1' }, 'k');
    const findings = sensitive({ upstream: inner });
    expect(summary(findings)).toEqual([
      ['sensitive-credential', 'critical', 'payload.upstream'],
      ['nested-bearer-token', 'medium', 'payload.upstream'],
      ['email-address', 'low', 'payload.upstream'],
    ]);
    expect(findings[0]?.note).toMatch(/inside the nested JWT, at payload\.password/);
  });

  it('stops after two levels', () => {
    const level3 = hmacToken({ password: 'deep' }, 'k');
    const level2 = hmacToken({ t: level3 }, 'k');
    const level1 = hmacToken({ t: level2 }, 'k');
    expect(sensitive({ t: level1 }).map((f) => f.id)).toEqual(['nested-bearer-token', 'nested-bearer-token']);
  });
});

describe('guards', () => {
  it('stops at 10,000 nodes', () => {
    const many = Array.from({ length: 20_000 }, () => 'jane@example.com');
    expect(sensitive({ list: many }).length).toBeLessThan(10_000);
  });

  it('never throws and stays fast on hostile 64 KiB strings', () => {
    const hostile = [
      '1 '.repeat(40_000),
      '1-'.repeat(40_000),
      'a'.repeat(70_000) + '@',
      `${'a.'.repeat(30_000)}@x`,
      `-----BEGIN ${' '.repeat(70_000)}`,
      `xoxb-${'1'.repeat(70_000)}`,
      `sk_live_${'a'.repeat(70_000)}!`,
      'A'.repeat(70_000),
      '+'.repeat(70_000),
      `{${'"a":{'.repeat(5_000)}`,
      'eyJ'.repeat(25_000),
    ];
    const started = performance.now();
    for (const value of hostile) {
      expect(() => sensitive({ password_hint: value, note: value, aws_key: value, [value.slice(0, 300)]: value })).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
