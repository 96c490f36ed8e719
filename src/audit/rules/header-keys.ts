import { Buffer } from 'node:buffer';
import { X509Certificate } from 'node:crypto';
import { member, type JsonNode } from '../../token/json.js';
import { privateJwkMembers } from '../jwk.js';
import { addressRange } from '../ip.js';
import { urlEvidence } from '../mask.js';
import { isInternalName, isIpLiteral, parseUrl } from '../net.js';
import { defineRule, type RuleHit } from '../rule.js';

/** Why a `jku`/`x5u` URL is worse than merely present (RFC 7515 §4.1.2: TLS with server identity; RFC 8725 §3.10: SSRF). */
function keyUrlRisks(node: JsonNode): string[] {
  if (node.type !== 'string') return [`a JSON ${node.type}, not a URL`];
  const url = parseUrl(node.value);
  if (url === null) return ['not an absolute URL'];
  const risks: string[] = [];
  if (url.protocol !== 'https:') risks.push(`scheme ${url.protocol.slice(0, -1)}`);
  if (url.username !== '' || url.password !== '') risks.push('userinfo in the URL');
  // The URL parser drops a port that is the scheme's default, so any port left is not 443 on https.
  if (url.port !== '') risks.push(`port ${url.port}`);
  if (isIpLiteral(url.hostname)) risks.push(`IP literal host${rangeWords(url.hostname)}`);
  else if (isInternalName(url.hostname)) risks.push(`internal host name ${url.hostname}`);
  return risks;
}

function rangeWords(host: string): string {
  const range = addressRange(host);
  return range === null ? '' : ` (${range})`;
}

/** Standard base64 (RFC 7515 §4.1.6: x5c is not base64url). */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** What is wrong with the leaf of an `x5c` chain, or why it could not be read. */
function x5cLeafProblems(x5c: JsonNode, now: number): { problems: string[]; unreadable: string | null } {
  const leaf = x5c.type === 'array' ? x5c.items[0] : undefined;
  if (leaf?.type !== 'string' || !BASE64.test(leaf.value)) return { problems: [], unreadable: 'x5c[0] is not a base64 certificate' };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(leaf.value, 'base64'));
  } catch {
    return { problems: [], unreadable: 'x5c[0] does not parse as an X.509 certificate' };
  }
  const problems: string[] = [];
  if (isSelfSigned(cert)) problems.push('self-signed');
  if (Date.parse(cert.validTo) / 1000 < now) problems.push(`expired ${cert.validTo}`);
  const key = cert.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType === 'rsa' && bits !== undefined && bits < 2048) problems.push(`RSA ${bits}-bit key`);
  return { problems, unreadable: null };
}

function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

export const headerKeyRules = [
  defineRule({
    id: 'embedded-jwk',
    severity: 'critical',
    alsoReports: ['high'],
    category: 'key',
    title: 'Embedded jwk',
    advice: 'A key inside the token proves nothing: verify only with keys you configured (CVE-2018-0114, RFC 8725 §3.10).',
    check: ({ token }): RuleHit[] => {
      const jwk = member(token.header, 'jwk');
      if (jwk === undefined) return [];
      const secret = privateJwkMembers(jwk);
      if (secret.length === 0) return [{ severity: 'high', path: 'header.jwk' }];
      return [{ path: 'header.jwk', evidence: `private members ${secret.join(', ')}`, note: 'the private key is leaked' }];
    },
  }),
  defineRule({
    id: 'jku-x5u-url',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'key',
    title: 'jku / x5u URL',
    advice: 'Never fetch keys from a URL the token names unless it is on an allowlist (RFC 8725 §3.10); it invites SSRF and key spoofing.',
    check: ({ token, showValues }): RuleHit[] =>
      ['jku', 'x5u'].flatMap((name): RuleHit[] => {
        const node = member(token.header, name);
        if (node === undefined) return [];
        const risks = keyUrlRisks(node);
        const hit: RuleHit = { path: `header.${name}`, ...(node.type === 'string' ? { evidence: urlEvidence(node.value, showValues) } : {}) };
        return [risks.length > 0 ? { ...hit, note: risks.join('; ') } : { ...hit, severity: 'medium' }];
      }),
  }),
  defineRule({
    id: 'embedded-x5c',
    severity: 'high',
    alsoReports: ['medium'],
    category: 'key',
    title: 'Embedded x5c',
    advice: 'A certificate in the token must chain to a root you trust before its key is used (RFC 7515 §4.1.6).',
    check: ({ token, now }): RuleHit[] => {
      const x5c = member(token.header, 'x5c');
      if (x5c === undefined) return [];
      const { problems, unreadable } = x5cLeafProblems(x5c, now);
      if (unreadable !== null) return [{ severity: 'medium', path: 'header.x5c', note: unreadable }];
      if (problems.length === 0) return [{ severity: 'medium', path: 'header.x5c' }];
      return [{ path: 'header.x5c[0]', evidence: problems.join(', ') }];
    },
  }),
];
