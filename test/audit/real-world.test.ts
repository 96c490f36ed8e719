import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { severityRank } from '../../src/audit/rule.js';
import { jws } from '../helpers/tokens.js';
import { audit, NOW } from './helpers.js';

/**
 * Claims shaped like what the big identity providers issue (made up, not
 * real accounts). Clean tokens: nothing sensitive above info may show up.
 */
const PROVIDERS: ReadonlyArray<readonly [string, object, object]> = [
  [
    'Google ID token',
    { alg: 'RS256', kid: 'a50f6e70ef4b548a5fd9142eecd1fb8f54dce9ee', typ: 'JWT' },
    {
      iss: 'https://accounts.google.com',
      azp: '1234987819200.apps.googleusercontent.com',
      aud: '1234987819200.apps.googleusercontent.com',
      sub: '110169484474386276334',
      hd: 'example.com',
      email: 'jsmith@example.com',
      email_verified: true,
      at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q',
      nonce: '0394852-3190485-2490358',
      name: 'Jane Smith',
      picture: 'https://lh3.googleusercontent.com/a/ACg8ocJ=s96-c',
      given_name: 'Jane',
      family_name: 'Smith',
      locale: 'en',
      iat: NOW - 60,
      exp: NOW + 3540,
    },
  ],
  [
    'Google service-account ID token',
    { alg: 'RS256', kid: '1e9gdk7', typ: 'JWT' },
    {
      aud: 'https://run.example.app',
      azp: '108364822334512345678',
      email: 'deployer@proj-1234.iam.gserviceaccount.com',
      email_verified: true,
      exp: NOW + 3600,
      iat: NOW,
      iss: 'https://accounts.google.com',
      sub: '108364822334512345678',
    },
  ],
  [
    'Azure AD v2 ID token',
    { typ: 'JWT', alg: 'RS256', kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg' },
    {
      aud: '6cb04018-a3f5-46a7-b995-940c78f5aef3',
      iss: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0',
      iat: NOW - 60,
      nbf: NOW - 60,
      exp: NOW + 3540,
      aio: 'Df2UVXL1ix!lMCWMSOJBcFatzcGfvFGhjKv8q5g0x732dR5MB5BisvGQO7YWByjd8iQDLq!eGbIDakyp5mnOrcdqHeYSnltepQmRp6AIZ8jY',
      name: 'Abe Lincoln',
      nonce: '123523',
      oid: '00000000-0000-0000-66f3-3332eca7ea81',
      preferred_username: 'AbeLi@microsoft.com',
      rh: 'I',
      sub: 'HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ',
      tid: '9188040d-6c67-4c5b-b112-36a304b66dad',
      uti: 'fqiBqXLPj0eQa82S-IYFAA',
      ver: '2.0',
    },
  ],
  [
    'Azure AD v2 access token',
    { typ: 'JWT', alg: 'RS256', kid: 'i6lGk3FZzxRcUb2C3nEQ7syHJlY' },
    {
      aud: 'api://6e74172b-be56-4843-9ff4-e66a39bb12e3',
      iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
      iat: NOW - 60,
      nbf: NOW - 60,
      exp: NOW + 840,
      azp: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
      azpacr: '0',
      oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474',
      rh: '0.AXEAv4j5cvGGr0GRqy180BHbR7_-cfPz0Y5Oj2-fxcB3kS0BAA.',
      roles: ['Orders.Read'],
      sub: 'l3_roISQU222bULS9yi2k0XpqpOiMz5H3ZACo1GeXA',
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      uti: 'fqiBqXLPj0eQa82S-IYFAA',
      ver: '2.0',
      scp: 'access_as_user',
    },
  ],
  [
    'Auth0 ID token',
    { alg: 'RS256', typ: 'JWT', kid: 'NkJCQzIyQzRBMEU4NjhGNUU4MzU4RkY0M0ZDQzkwOUQ0Q0VGNUMwQg' },
    {
      nickname: 'jdoe',
      name: 'jdoe@example.com',
      picture: 'https://s.gravatar.com/avatar/eaf3dc1b4e0c4d2e2ad0e1f3a2e6c9b7?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fjd.png',
      updated_at: '2023-11-14T20:00:00.000Z',
      email: 'jdoe@example.com',
      email_verified: true,
      iss: 'https://dev-abc123.us.auth0.com/',
      aud: 'dKTxxmuQx6Ilc1t7XJ4GExo5xTzNn3Bf',
      iat: NOW - 60,
      exp: NOW + 35940,
      sub: 'auth0|5f7c8ec7c33c6c004bbafe82',
      sid: 'Oxyl0kQ4g5Bq_fbJ7lTztx2rXSyc3hbT',
      nonce: 'bm9uY2U',
    },
  ],
  [
    'Auth0 access token',
    { alg: 'RS256', typ: 'at+jwt', kid: 'NkJCQzIyQzRBMEU4NjhGNUU4MzU4RkY0M0ZDQzkwOUQ0Q0VGNUMwQg' },
    {
      iss: 'https://dev-abc123.us.auth0.com/',
      sub: 'auth0|5f7c8ec7c33c6c004bbafe82',
      aud: ['https://api.example.com', 'https://dev-abc123.us.auth0.com/userinfo'],
      iat: NOW - 60,
      exp: NOW + 840,
      scope: 'openid profile email read:orders',
      azp: 'dKTxxmuQx6Ilc1t7XJ4GExo5xTzNn3Bf',
      client_id: 'dKTxxmuQx6Ilc1t7XJ4GExo5xTzNn3Bf',
      jti: 'e1b2c3d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
      permissions: ['read:orders'],
      'https://example.com/roles': ['customer'],
    },
  ],
  [
    'Keycloak ID token',
    { alg: 'RS256', typ: 'JWT', kid: 'zXew0UJ1h6Q4CCcd_9wxMzvcp5cEBifH0KWrCz2Kyxc' },
    {
      exp: NOW + 300,
      iat: NOW,
      auth_time: NOW - 5,
      jti: '4a1c2b86-bc05-4d54-9d0b-2a3f8fa4c0b2',
      iss: 'https://sso.example.com/realms/shop',
      aud: 'shop-frontend',
      sub: 'f1c3a9e2-5b7d-4c6e-8f10-2a3b4c5d6e7f',
      typ: 'ID',
      azp: 'shop-frontend',
      nonce: '7e9d1f',
      session_state: '0f3c9a7e-1b2d-4e5f-8a6b-7c8d9e0f1a2b',
      at_hash: 'xgYo-8nRbg3xzE2wV2p8iA',
      acr: '1',
      sid: '0f3c9a7e-1b2d-4e5f-8a6b-7c8d9e0f1a2b',
      email_verified: true,
      name: 'Kim Lee',
      preferred_username: 'kim',
      given_name: 'Kim',
      family_name: 'Lee',
      email: 'kim@example.com',
    },
  ],
  [
    'Keycloak access token',
    { alg: 'RS256', typ: 'JWT', kid: 'zXew0UJ1h6Q4CCcd_9wxMzvcp5cEBifH0KWrCz2Kyxc' },
    {
      exp: NOW + 300,
      iat: NOW,
      jti: '8d3f0c7e-2a1b-4c5d-9e8f-0a1b2c3d4e5f',
      iss: 'https://sso.example.com/realms/shop',
      aud: 'account',
      sub: 'f1c3a9e2-5b7d-4c6e-8f10-2a3b4c5d6e7f',
      typ: 'Bearer',
      azp: 'shop-frontend',
      session_state: '0f3c9a7e-1b2d-4e5f-8a6b-7c8d9e0f1a2b',
      acr: '1',
      'allowed-origins': ['https://shop.example.com'],
      realm_access: { roles: ['default-roles-shop', 'offline_access', 'uma_authorization'] },
      resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
      scope: 'openid profile',
      sid: '0f3c9a7e-1b2d-4e5f-8a6b-7c8d9e0f1a2b',
    },
  ],
  [
    'Cognito ID token',
    { kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' },
    {
      sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      'cognito:groups': ['readers'],
      email_verified: true,
      iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example',
      'cognito:username': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      origin_jti: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      aud: 'xxxxxxxxxxxxexample',
      event_id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      token_use: 'id',
      auth_time: NOW - 10,
      exp: NOW + 3590,
      iat: NOW - 10,
      jti: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      email: 'user@example.com',
    },
  ],
  [
    'Cognito access token',
    { kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' },
    {
      sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      'cognito:groups': ['readers'],
      iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example',
      version: 2,
      client_id: 'xxxxxxxxxxxxexample',
      origin_jti: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      event_id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      token_use: 'access',
      scope: 'phone openid profile email',
      auth_time: NOW - 10,
      exp: NOW + 3590,
      iat: NOW - 10,
      jti: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      username: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    },
  ],
  [
    'Okta ID token',
    { kid: 'TxG7e-w7dR2eP2MvOSWCpoWAn8ZbPa3yRxvI4D3DHMo', alg: 'RS256' },
    {
      sub: '00uid4BxXw6I6TV4m0g3',
      name: 'John Doe',
      email: 'john.doe@example.com',
      ver: 1,
      iss: 'https://dev-123456.okta.com/oauth2/default',
      aud: '0oaoiuhhch8VRtBnC0g3',
      iat: NOW - 60,
      exp: NOW + 3540,
      jti: 'ID.4eAWJOCMB3SX8XewDfVR',
      amr: ['pwd'],
      idp: '00oid4BxXw6I6TV4m0g3',
      nonce: 'b7c0a4b5-0f5e-4b8d',
      preferred_username: 'john.doe@example.com',
      auth_time: NOW - 70,
      at_hash: 'preview_at_hash',
    },
  ],
  [
    'Okta access token',
    { kid: 'TxG7e-w7dR2eP2MvOSWCpoWAn8ZbPa3yRxvI4D3DHMo', alg: 'RS256' },
    {
      ver: 1,
      jti: 'AT.rXHe5ttgXjE3jZPh2yJm1VxDpIeqz3nK1hFmM9bM7Zc',
      iss: 'https://dev-123456.okta.com/oauth2/default',
      aud: 'api://default',
      iat: NOW - 60,
      exp: NOW + 3540,
      cid: '0oaoiuhhch8VRtBnC0g3',
      uid: '00uid4BxXw6I6TV4m0g3',
      scp: ['openid', 'orders.read'],
      auth_time: NOW - 70,
      sub: '00uid4BxXw6I6TV4m0g3',
    },
  ],
];

const SIGNATURE_2048 = encode(new Uint8Array(256).fill(3));

describe('real-world-style tokens stay clean', () => {
  it.each(PROVIDERS)('%s: no sensitive-data finding above info', (_name, header, claims) => {
    const sensitive = audit(jws(header, claims, SIGNATURE_2048)).filter(
      (f) => f.category === 'sensitive-data' && severityRank(f.severity) > severityRank('info'),
    );
    expect(sensitive).toEqual([]);
  });
});

describe('what such tokens do carry is reported at its due severity', () => {
  it('an email used as the subject of an Okta access token is low', () => {
    const findings = audit(jws({ alg: 'RS256' }, { sub: 'jane@example.com', scp: ['openid'] }, SIGNATURE_2048)).filter((f) => f.category === 'sensitive-data');
    expect(findings.map((f) => [f.id, f.severity, f.path])).toEqual([['email-address', 'low', 'payload.sub']]);
  });

  it('an Azure v1 access token with upn and ipaddr reports both, low', () => {
    const claims = {
      aud: 'https://graph.microsoft.com',
      upn: 'abeli@contoso.com',
      ipaddr: '131.107.159.117',
      unique_name: 'abeli@contoso.com',
      scp: 'User.Read',
    };
    const findings = audit(jws({ alg: 'RS256' }, claims, SIGNATURE_2048)).filter((f) => f.category === 'sensitive-data');
    expect(findings.map((f) => [f.id, f.severity, f.path])).toEqual([
      ['email-address', 'low', 'payload.upn'],
      ['email-address', 'low', 'payload.unique_name'],
      ['ip-address', 'low', 'payload.ipaddr'],
    ]);
  });
});
