import { relativeTime } from '../../claims/relative.js';
import { MIN_RSA_BITS } from '../../jose/algorithms.js';
import { secretMembers, stringOrNull, type JsonRecord } from '../../keys/jwk.js';
import type { CertificateInfo, VerificationKey } from '../../keys/key.js';
import { rsaFlaw } from '../../keys/rsa-weakness.js';
import { defineRule, type RuleHit } from '../rule.js';

/**
 * What `jwt-inspect jwks` flags in a published key set. The rules are pure:
 * src/jwks/key-info.ts does the async reading (key import, thumbprints,
 * the x5c certificate) into these contexts first, as audit/key-facts.ts
 * does for the token key rules.
 */

/** The first x5c certificate of an entry (RFC 7517 §4.7: base64 DER, the key's own first). */
export interface JwksCertificateFacts {
  /** `keys[3].x5c[0]` */
  readonly path: string;
  /** Null when it is not a readable X.509 certificate. */
  readonly info: CertificateInfo | null;
  /** RFC 7638 thumbprint of the public key it certifies; null when that key cannot be read. */
  readonly thumbprint: string | null;
}

/** One entry of a key set, as the key rules see it. */
export interface JwksKeyContext {
  /** `keys[3]` */
  readonly path: string;
  /** The entry; null when it is not a JSON object (then nothing else is known of it). */
  readonly jwk: JsonRecord | null;
  /** The key read from the entry; null when it cannot be read. */
  readonly key: VerificationKey | null;
  /** Why the entry cannot be read as a key (without the path); null when it can, or is no object. */
  readonly unreadable: string | null;
  /** Null when the entry has no x5c. */
  readonly certificate: JwksCertificateFacts | null;
  /** The set also holds RSA, EC or OKP keys. */
  readonly amongPublicKeys: boolean;
  /** Unix seconds: certificates are judged as of then (`--now`). */
  readonly now: number;
}

/** The whole set, as the set rules see it. */
export interface JwksSetContext {
  /** One per entry, in order: its kid, or null where it has none. */
  readonly kids: readonly (string | null)[];
}

/** Said of an oct key published beside public ones, where verifiers expect nothing but public keys. */
const SECRET_AMONG_PUBLIC =
  'the set also holds public keys: a verifier that picks its key by kid may be led to check an HMAC token against this secret, which anyone who reads the set knows';

/** A member the entry lacks: a hit at the entry, for an entry that is a JSON object. */
function missing(jwk: JsonRecord | null, path: string, lacks: (jwk: JsonRecord) => boolean): RuleHit[] {
  return jwk !== null && lacks(jwk) ? [{ path }] : [];
}

/**
 * Run on each entry, in this order, which findings of one severity keep:
 * private members, the key itself, its certificate, the members it lacks.
 */
export const jwksKeyRules = [
  defineRule<JwksKeyContext>({
    id: 'jwks-private-key',
    severity: 'critical',
    category: 'key',
    title: 'Private key material in a published key set',
    advice: 'Remove the private members (d, p, q, dp, dq, qi, oth; k of an oct key) now, and replace the key: anyone who fetched the set can sign tokens.',
    check: ({ path, jwk, amongPublicKeys }): RuleHit[] => {
      if (jwk === null) return [];
      const secret = secretMembers(jwk).map((name) => (name === 'k' ? 'k (a shared HMAC secret)' : name));
      if (secret.length === 0) return [];
      return [{ path, evidence: secret.join(', '), note: amongPublicKeys && jwk['kty'] === 'oct' ? SECRET_AMONG_PUBLIC : undefined }];
    },
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-broken-rsa-key',
    severity: 'critical',
    category: 'key',
    title: 'Broken RSA key: bad public exponent or ROCA fingerprint',
    advice:
      'Remove the key and rotate to one from a sound generator (odd e ≥ 3, usually 65537: RFC 8017 §3.1; not Infineon RSALib: CVE-2017-15361); distrust every token it verified.',
    check: ({ path, key }) => {
      // The flaw on its own, not key.weakness: a short key with e = 1 is both too short and forgeable.
      const flaw = key?.type === 'public' && key.jwk.kty === 'RSA' ? rsaFlaw(key.jwk.n!, key.jwk.e!) : null;
      return flaw === null ? [] : [{ path, evidence: flaw }];
    },
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-weak-rsa',
    severity: 'high',
    category: 'key',
    title: 'RSA key shorter than 2048 bits',
    advice: 'Rotate to an RSA key of 2048 bits or more (RFC 7518 §3.3), or to an EC or Ed25519 key.',
    check: ({ path, key }) => (key?.type === 'public' && key.bits !== null && key.bits < MIN_RSA_BITS ? [{ path, evidence: `${key.bits} bits` }] : []),
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-unusable-key',
    severity: 'high',
    category: 'key',
    title: 'Key that cannot be read',
    advice: 'Fix or remove the entry: verifiers skip it (RFC 7517 §5), so tokens signed with it fail.',
    check: ({ path, jwk, unreadable }): RuleHit[] => {
      if (jwk === null) return [{ path, evidence: 'not a JSON object' }];
      return unreadable === null ? [] : [{ path, evidence: unreadable }];
    },
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-bad-certificate',
    severity: 'high',
    category: 'key',
    title: 'x5c certificate that does not certify this key',
    advice: 'Publish in x5c the certificate of this very key (RFC 7517 §4.7), or drop x5c.',
    check: ({ certificate, key }): RuleHit[] => {
      if (certificate === null) return [];
      if (certificate.info === null) return [{ path: certificate.path, evidence: 'not a readable X.509 certificate (base64 DER)' }];
      if (key?.type !== 'public' || certificate.thumbprint === key.thumbprint) return [];
      return [{ path: certificate.path, evidence: `the certificate is for another key (thumbprint ${certificate.thumbprint ?? 'unreadable'})` }];
    },
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-certificate-validity',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'key',
    title: 'x5c certificate outside its validity period',
    advice: 'Renew the certificate; verifiers that check x5c reject the key until then.',
    check: ({ certificate, now }): RuleHit[] => {
      const info = certificate?.info ?? null;
      if (certificate === null || info === null) return [];
      if (info.notAfterSeconds < now) return [{ path: certificate.path, evidence: `expired ${info.notAfter} (${relativeTime(info.notAfterSeconds - now)})` }];
      if (info.notBeforeSeconds > now) return [{ severity: 'medium', path: certificate.path, evidence: `not valid until ${info.notBefore}` }];
      return [];
    },
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-missing-kid',
    severity: 'medium',
    category: 'key',
    title: 'Key without kid',
    advice: 'Add a kid (the RFC 7638 thumbprint is a good one) so that verifiers can pick the key a token names.',
    check: ({ path, jwk }) => missing(jwk, path, (j) => stringOrNull(j['kid']) === null),
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-missing-alg',
    severity: 'low',
    category: 'key',
    title: 'Key without alg',
    advice: 'Add alg so that verifiers accept only the algorithm the key is for (RFC 8725 §3.1).',
    check: ({ path, jwk }) => missing(jwk, path, (j) => stringOrNull(j['alg']) === null),
  }),
  defineRule<JwksKeyContext>({
    id: 'jwks-missing-use',
    severity: 'low',
    category: 'key',
    title: 'Key without use or key_ops',
    advice: 'Add "use": "sig" (or key_ops) so that a signing key is not taken for encryption (RFC 7517 §4.2).',
    check: ({ path, jwk }) => missing(jwk, path, (j) => stringOrNull(j['use']) === null && j['key_ops'] === undefined),
  }),
];

/** Run once on the whole set, after the key rules. */
export const jwksSetRules = [
  defineRule<JwksSetContext>({
    id: 'jwks-empty',
    severity: 'high',
    category: 'key',
    title: 'Key set without keys',
    advice: 'Publish the public keys the issuer signs with; no token can verify against an empty set.',
    check: ({ kids }) => (kids.length === 0 ? [{ evidence: '"keys": []' }] : []),
  }),
  defineRule<JwksSetContext>({
    id: 'jwks-duplicate-kid',
    severity: 'medium',
    category: 'key',
    title: 'Several keys with the same kid',
    advice: 'Give every key its own kid (RFC 7517 §4.5), or a verifier may try the wrong key and reject good tokens.',
    check: ({ kids }) => {
      const byKid = new Map<string, number[]>();
      kids.forEach((kid, i) => {
        if (kid !== null) byKid.set(kid, [...(byKid.get(kid) ?? []), i]);
      });
      return [...byKid]
        .filter(([, at]) => at.length > 1)
        .map(([kid, at]) => ({ path: `keys[${at[1]}]`, evidence: `kid ${JSON.stringify(kid)} at ${at.map((i) => `keys[${i}]`).join(', ')}` }));
    },
  }),
];
