import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectJwks } from '../../src/jwks/inspect.js';
import { jwksJson } from '../../src/render/jwks-json.js';

/** 2027-01-15: inside the validity of the fixture certificates made for 100 years, after the one made for a day. */
const NOW = 1_800_000_000;
// Anything a terminal acts on or hides (the newline aside): C0/C1 controls (ESC included), DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

type Jwk = Record<string, unknown>;
const set = (name: string): Jwk[] => (JSON.parse(readFileSync(new URL(`../fixtures/toolkit/jwks/${name}`, import.meta.url), 'utf8')) as { keys: Jwk[] }).keys;
const GOOD = set('good.json');
const BAD = set('bad.json');
/** Every private member value of the bad set (RSA private parts, an oct secret): none may reach the output. */
const PRIVATE_VALUES = BAD.flatMap((jwk) => ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].map((m) => jwk[m]).filter((v): v is string => typeof v === 'string'));

describe('jwksJson', () => {
  it('is the document of docs/output.md: the source, every key with its facts and certificate, and the findings', async () => {
    expect(JSON.parse(jwksJson(await inspectJwks(GOOD, 'https://idp.example.com/jwks', NOW)))).toEqual({
      source: 'https://idp.example.com/jwks',
      keys: [
        {
          kid: 'rsa-1',
          kty: 'RSA',
          alg: 'RS256',
          use: 'sig',
          crv: null,
          bits: 2048,
          thumbprint: 'ZJjiriEsKu36UucEQxlp_4Ac40jphyednE8-hOtmTJQ',
          certificate: { subject: 'CN=idp.example.com, O=Example', notBefore: '2026-11-26T04:09:12.000Z', notAfter: '2126-11-02T04:09:12.000Z' },
        },
        {
          kid: 'ec-1',
          kty: 'EC',
          alg: 'ES256',
          use: 'sig',
          crv: 'P-256',
          bits: null,
          thumbprint: 'R-oEn4pKHbd-a1P2tEZg3LQhivd0-c_8yZ51sG32H5Q',
          certificate: null,
        },
        {
          kid: 'ed-1',
          kty: 'OKP',
          alg: 'EdDSA',
          use: 'sig',
          crv: 'Ed25519',
          bits: null,
          thumbprint: 'qs1ZHHEGhbDjdGJScT3HLUirULIahKxTwNsIFp0QnEY',
          certificate: null,
        },
      ],
      findings: [],
    });
  });

  it('lists what is wrong with a set without printing any private key material it publishes', async () => {
    const text = jwksJson(await inspectJwks(BAD, 'bad.json', NOW));
    expect(PRIVATE_VALUES).toHaveLength(7);
    expect(PRIVATE_VALUES.filter((v) => text.includes(v))).toEqual([]);
    const doc = JSON.parse(text);
    expect(doc.keys.map((k: Jwk) => [k['kid'], k['kty'], k['bits'] ?? k['crv']])).toEqual([
      ['weak', 'RSA', 1024],
      ['leaked', 'RSA', 2048],
      ['twin', 'EC', 'P-256'],
      ['twin', 'OKP', 'Ed25519'],
      [null, 'RSA', 2048],
      ['shared', 'oct', 216],
      ['expired', 'RSA', 2048],
      ['mismatch', 'RSA', 2048],
      ['broken', 'RSA', null],
    ]);
    expect(doc.findings[0]).toEqual({
      id: 'jwks-private-key',
      severity: 'critical',
      category: 'key',
      title: 'Private key material in a published key set',
      path: 'keys[1]',
      evidence: 'd, p, q, dp, dq, qi',
      note: null,
      advice: 'Remove the private members (d, p, q, dp, dq, qi, oth; k of an oct key) now, and replace the key: anyone who fetched the set can sign tokens.',
    });
    expect(doc.findings.map((f: Jwk) => `${f['severity']} ${f['id']} ${f['path']}`)).toEqual([
      'critical jwks-private-key keys[1]',
      'critical jwks-private-key keys[5]',
      'high jwks-weak-rsa keys[0]',
      'high jwks-certificate-validity keys[6].x5c[0]',
      'high jwks-bad-certificate keys[7].x5c[0]',
      'high jwks-unusable-key keys[8]',
      'medium jwks-missing-kid keys[4]',
      'medium jwks-duplicate-kid keys[3]',
      'low jwks-missing-alg keys[0]',
      'low jwks-missing-use keys[0]',
    ]);
  });

  it('gives an empty set no keys, and the finding about it', async () => {
    expect(jwksJson(await inspectJwks([], 'empty.json', NOW))).toBe(
      [
        '{',
        '  "source": "empty.json",',
        '  "keys": [],',
        '  "findings": [',
        '    {',
        '      "id": "jwks-empty",',
        '      "severity": "high",',
        '      "category": "key",',
        '      "title": "Key set without keys",',
        '      "path": null,',
        String.raw`      "evidence": "\"keys\": []",`,
        '      "note": null,',
        '      "advice": "Publish the public keys the issuer signs with; no token can verify against an empty set."',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes control characters, ANSI escapes and bidi overrides from the set, and never colours', async () => {
    const ec = GOOD[1]!;
    const hostile = [{ kty: 'EC', crv: 'P-256', x: ec['x'], y: ec['y'], kid: 'k\u001b[2J\u202e', alg: 'ES\u009b256', use: 'sig' }];
    const text = jwksJson(await inspectJwks(hostile, 'se\u001bt.json', NOW));
    expect(text).not.toMatch(DANGEROUS);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '{',
      String.raw`  "source": "se\u001bt.json",`,
      '  "keys": [',
      '    {',
      String.raw`      "kid": "k\u001b[2J\u202e",`,
      '      "kty": "EC",',
    ]);
    const doc = JSON.parse(text);
    expect([doc.source, doc.keys[0].kid, doc.keys[0].alg]).toEqual(['se\u001bt.json', 'k\u001b[2J\u202e', 'ES\u009b256']);
  });
});
