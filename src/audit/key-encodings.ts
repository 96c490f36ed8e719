import { Buffer } from 'node:buffer';
import { createPublicKey } from 'node:crypto';
import { jwkEntries, type JsonRecord } from '../keys/jwk.js';
import type { PublicKey } from '../keys/key.js';
import { looksLikePem } from '../keys/pem.js';

/** One way a confused verifier may turn a public key into HMAC secret bytes. */
export interface KeyEncoding {
  /** `the SPKI PEM`, `the JWK as given`: names the form, never shows it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** A text, and the same text with its final newline dropped or added: both are what a server may have read from disk. */
function withAndWithoutNewline(name: string, text: string): KeyEncoding[] {
  const other = text.endsWith('\n') ? text.replace(/\r?\n$/, '') : `${text}\n`;
  const change = text.endsWith('\n') ? 'without its final newline' : 'with a final newline';
  return [
    { name, bytes: utf8(text) },
    { name: `${name}, ${change}`, bytes: utf8(other) },
  ];
}

/** Whether a JWK entry is this public key: every member of its RFC 7638 form is the same. */
function describesKey(entry: JsonRecord, key: PublicKey): boolean {
  return Object.entries(key.jwk).every(([name, value]) => entry[name] === value);
}

/** The forms the key took in the file the user gave: the PEM text, the JWK text, the JWKS entry. */
function givenForms(key: PublicKey, document: string | null): KeyEncoding[] {
  if (document === null) return [];
  if (looksLikePem(document)) return withAndWithoutNewline('the PEM as given', document);
  const { set, entries: all } = jwkEntries(document);
  const entries = all.filter((entry) => describesKey(entry, key));
  return [
    ...(!set && entries.length === 1 ? withAndWithoutNewline('the JWK as given', document) : []),
    ...entries.map((entry) => ({ name: 'the JWK as given, without white space', bytes: utf8(JSON.stringify(entry)) })),
  ];
}

/** The key written out again as SPKI (and, for RSA, PKCS#1) PEM and DER, as libraries export public keys. */
function reExports(key: PublicKey): KeyEncoding[] {
  const object = createPublicKey({ key: key.jwk, format: 'jwk' });
  const spki = object.export({ type: 'spki', format: 'pem' }).toString();
  const out = [...withAndWithoutNewline('the SPKI PEM', spki), { name: 'the SPKI DER bytes', bytes: object.export({ type: 'spki', format: 'der' }) }];
  if (key.jwk.kty === 'RSA') {
    // CVE-2023-48223 (fast-jwt): an `RSA PUBLIC KEY` PEM slipped past the public-key check.
    const pkcs1 = object.export({ type: 'pkcs1', format: 'pem' }).toString();
    out.push(...withAndWithoutNewline('the PKCS#1 PEM', pkcs1), { name: 'the PKCS#1 DER bytes', bytes: object.export({ type: 'pkcs1', format: 'der' }) });
  }
  return out;
}

/**
 * Every byte string docs/audit.md "Rules that need a key, a secret or a wordlist" alg-confusion tries as the HMAC secret
 * of an HS* token: the PEM exactly as given and without (or with) its final
 * newline, SPKI and PKCS#1 PEM re-exports, the DER bytes, the JWK text as
 * given and in canonical form (RFC 7638 members in order, no white space).
 * Duplicates are dropped, the first name kept.
 */
export function confusionEncodings(key: PublicKey, document: string | null): KeyEncoding[] {
  const all = [...givenForms(key, document), ...reExports(key), { name: 'the canonical JWK (RFC 7638)', bytes: utf8(JSON.stringify(key.jwk)) }];
  const seen = new Set<string>();
  return all.filter(({ bytes }) => {
    const id = Buffer.from(bytes).toString('base64');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
