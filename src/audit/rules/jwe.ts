import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { isJweEncryption, jweAlgorithm } from '../../jose/algorithms.js';
import { decodeSegment } from '../../token/segment.js';
import { member, stringMember, toPlain, type JsonNode } from '../../token/json.js';
import { privateJwkMembers } from '../jwk.js';
import { defineRule, severityRank, type AuditContext, type RuleHit, type RuleInfo, type Severity } from '../rule.js';
import { sensitiveDetections } from '../sensitive/detect.js';

/** jose's default `maxPBES2Count` [JOSE key_management.ts] and the [BIS] hard limit. */
const PBES2_JOSE_CAP = 10_000;
const PBES2_BIS_CAP = 1_200_000;
/** RFC 7518 §4.8.1.2: a minimum of 1000 iterations is RECOMMENDED. */
const PBES2_MIN = 1000;
/** RFC 7518 §4.8.1.1: the salt input is 8 or more octets. */
const PBES2_MIN_SALT = 8;

/** RFC 7519 §5.3: claims a header may replicate, in the clear. */
const REPLICATED_CLAIMS = ['iss', 'sub', 'aud'];

/** JWE rules read only the protected header: the rest is ciphertext without a key. */
function jweRule(check: (ctx: AuditContext) => RuleHit[]): (ctx: AuditContext) => RuleHit[] {
  return (ctx) => (ctx.token.kind === 'JWE' ? check(ctx) : []);
}

/** Shared with the JSON-serialization input check (zip in an unprotected header). */
export const JWE_INVALID_ZIP: RuleInfo = {
  id: 'jwe-invalid-zip',
  severity: 'high',
  category: 'header',
  title: 'Invalid zip',
  advice: 'zip must be DEF and sit in the integrity-protected header (RFC 7516 §4.1.3); reject anything else.',
};

/** A missing header value, or one outside its registry. */
function registryProblem(node: JsonNode | undefined, registered: (value: string) => boolean, path: string, unknown: string): RuleHit | null {
  if (node === undefined) return { path, note: 'missing' };
  if (node.type === 'string' && registered(node.value)) return null;
  return { path, evidence: node.type === 'string' ? node.value : `a JSON ${node.type}`, note: unknown };
}

/** The PBES2 iteration-count finding (layered limits, and the finding says which one tripped: docs/audit.md "JWE header rules"). */
function pbes2CountHit(p2c: number | undefined): RuleHit | null {
  if (p2c === undefined || !Number.isSafeInteger(p2c) || p2c <= 0) return { path: 'header.p2c', note: 'missing or not a positive integer' };
  const evidence = String(p2c);
  if (p2c > PBES2_BIS_CAP) return { path: 'header.p2c', evidence, note: `over ${PBES2_BIS_CAP} (RFC 8725bis): a CPU exhaustion attack` };
  if (p2c > PBES2_JOSE_CAP) return { severity: 'medium', path: 'header.p2c', evidence, note: `over jose's default limit of ${PBES2_JOSE_CAP}` };
  if (p2c < PBES2_MIN) return { severity: 'low', path: 'header.p2c', evidence, note: `under the recommended ${PBES2_MIN}` };
  return null;
}

export const jweRules = [
  defineRule({
    id: 'jwe-encrypted',
    severity: 'info',
    category: 'header',
    title: 'Encrypted token (claims unreadable offline)',
    advice: 'Give --decrypt-key to read the claims; a verifier expecting a JWS must not accept a JWE (CVE-2023-51774).',
    check: jweRule(() => [{ path: 'header' }]),
  }),
  defineRule({
    id: 'jwe-alg-enc-invalid',
    severity: 'high',
    category: 'algorithm',
    title: 'JWE alg/enc missing or unknown',
    advice: 'A JWE needs a registered alg and enc (RFC 7516 §4.1.1–4.1.2); a recipient must reject anything else.',
    check: jweRule(({ token }): RuleHit[] => {
      const alg = registryProblem(
        member(token.header, 'alg'),
        (value) => jweAlgorithm(value) !== undefined,
        'header.alg',
        'not a JWE key-management algorithm',
      );
      const enc = registryProblem(member(token.header, 'enc'), isJweEncryption, 'header.enc', 'not a JWE content encryption');
      return [alg, enc].filter((hit) => hit !== null);
    }),
  }),
  defineRule({
    id: 'jwe-rsa1-5',
    severity: 'medium',
    category: 'algorithm',
    title: 'RSA1_5 key management',
    advice: 'RSA-PKCS1 v1.5 encryption invites padding-oracle attacks (RFC 8725 §3.2); use RSA-OAEP-256 or ECDH-ES.',
    check: jweRule(({ token }) => (token.alg === 'RSA1_5' ? [{ path: 'header.alg', evidence: 'RSA1_5' }] : [])),
  }),
  defineRule({
    id: 'jwe-compression',
    severity: 'medium',
    category: 'header',
    title: 'Compress-then-encrypt',
    advice: 'Compression before encryption leaks plaintext through length (RFC 8725 §3.6) and invites decompression bombs; cap the output.',
    check: jweRule(({ token }) => (stringMember(token.header, 'zip') === 'DEF' ? [{ path: 'header.zip', evidence: 'DEF' }] : [])),
  }),
  defineRule({
    ...JWE_INVALID_ZIP,
    check: jweRule(({ token }): RuleHit[] => {
      const zip = member(token.header, 'zip');
      if (zip === undefined || (zip.type === 'string' && zip.value === 'DEF')) return [];
      return [{ path: 'header.zip', evidence: zip.type === 'string' ? zip.value : `a JSON ${zip.type}`, note: 'only DEF is defined' }];
    }),
  }),
  defineRule({
    id: 'jwe-pbes2-count',
    severity: 'high',
    alsoReports: ['medium', 'low'],
    category: 'algorithm',
    title: 'PBES2 iteration count',
    advice: 'Cap p2c when decrypting (jose maxPBES2Count); an attacker-chosen count burns CPU (CVE-2022-36083, CVE-2023-49290).',
    check: jweRule(({ token }) => {
      // By the name, not the registry (src/jose/algorithms.ts): an unregistered PBES2-* or ECDH-ES* alg still tells a lax library to read p2c, p2s or epk.
      if (!token.alg?.startsWith('PBES2-')) return [];
      const p2c = member(token.header, 'p2c');
      const hit = pbes2CountHit(p2c?.type === 'number' ? p2c.value : undefined);
      return hit === null ? [] : [hit];
    }),
  }),
  defineRule({
    id: 'jwe-pbes2-salt',
    severity: 'low',
    alsoReports: ['info'],
    category: 'algorithm',
    title: 'PBES2 salt, or a password-based JWE',
    advice: 'A password-derived key is only as strong as the password; use p2s of 8+ random bytes (RFC 7518 §4.8.1.1), or a real key.',
    check: jweRule(({ token }): RuleHit[] => {
      if (!token.alg?.startsWith('PBES2-')) return [];
      const p2s = stringMember(token.header, 'p2s');
      const salt = p2s === undefined ? null : decodeSegment(p2s).bytes;
      if (salt === null || salt.length < PBES2_MIN_SALT) {
        return [{ path: 'header.p2s', note: salt === null ? 'missing or not base64url' : `${salt.length} bytes, under ${PBES2_MIN_SALT}` }];
      }
      return [{ severity: 'info', path: 'header.alg', evidence: token.alg, note: 'the key comes from a password' }];
    }),
  }),
  defineRule({
    id: 'jwe-invalid-epk',
    severity: 'critical',
    alsoReports: ['high'],
    category: 'key',
    title: 'Invalid ECDH-ES ephemeral key',
    advice: 'Check that epk is a valid point on the expected curve before use (RFC 8725 §3.4): invalid-curve attacks recover the key.',
    check: jweRule(({ token }): RuleHit[] => {
      if (!token.alg?.startsWith('ECDH-ES')) return [];
      const epk = member(token.header, 'epk');
      if (epk === undefined) return [{ severity: 'high', path: 'header.epk', note: 'missing' }];
      const secret = privateJwkMembers(epk);
      if (secret.length > 0) {
        return [{ path: 'header.epk', evidence: `private members ${secret.join(', ')}`, note: 'the ephemeral private key is leaked' }];
      }
      try {
        createPublicKey({ key: toPlain(epk) as JsonWebKey, format: 'jwk' });
        return [];
      } catch {
        return [{ severity: 'high', path: 'header.epk', note: 'not a valid public key (a point off the curve?)' }];
      }
    }),
  }),
  defineRule({
    id: 'jwe-dir-with-key',
    severity: 'medium',
    category: 'algorithm',
    title: 'dir with an encrypted key',
    advice: 'Direct modes use an empty encrypted-key part (RFC 7516 §5.2, RFC 7518 §4.5–4.6); this token was built wrongly or altered.',
    check: jweRule(({ token }) => {
      const encryptedKey = token.segments[1]?.raw ?? '';
      const mode = jweAlgorithm(token.alg)?.mode;
      // RFC 7516 §5.1 step 5: these two modes leave the JWE Encrypted Key empty.
      const direct = mode === 'direct-encryption' || mode === 'direct-key-agreement';
      return direct && encryptedKey !== '' ? [{ path: 'encrypted_key', evidence: `${encryptedKey.length} characters` }] : [];
    }),
  }),
  defineRule({
    id: 'jwe-plaintext-header-data',
    severity: 'critical',
    alsoReports: ['high', 'medium', 'low'],
    category: 'header',
    title: 'Plaintext data in the JWE header',
    advice: 'The JWE header is not encrypted (RFC 7519 §5.3): move these values into the encrypted claims.',
    check: jweRule((ctx): RuleHit[] => {
      const replicated = REPLICATED_CLAIMS.filter((name) => member(ctx.token.header, name) !== undefined);
      const inHeader = sensitiveDetections(ctx).filter((d) => d.path.startsWith('header'));
      if (replicated.length === 0 && inHeader.length === 0) return [];
      // Low, or the severity of the worst sensitive value in the header when that is higher.
      const severity = inHeader.map((d) => d.severity).reduce<Severity>((a, b) => (severityRank(b) > severityRank(a) ? b : a), 'low');
      const what = [...replicated.map((n) => `replicated claim ${n}`), ...inHeader.map((d) => `${d.rule} at ${d.path}`)];
      return [{ severity, path: 'header', evidence: what.join(', ') }];
    }),
  }),
];
