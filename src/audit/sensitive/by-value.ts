/** What the value detectors of docs/audit.md "Sensitive data" say about one leaf, with its name as context. */
import type { JsonNode } from '../../token/json.js';
import type { Candidate, LeafScope } from './candidate.js';
import { findCardInNumber, findCardInText } from './card.js';
import { isEmail, isPhoneNumber, isServiceAccount, ipAddress } from './contact.js';
import { findServiceCredential, isPrivateKeyText } from './credentials.js';
import { isHighEntropy } from './entropy.js';
import { validIbanCountry } from './iban.js';
import { nameMentions, PERSONAL_NAME_CLAIMS, type NameCategory } from './names.js';
import { findNationalId } from './national-id.js';
import { MAX_SCANNED_STRING } from './nested.js';
import { birthDate, isPreciseCoordinate, looksLikePostalAddress } from './personal.js';
import type { Visit } from './walk.js';

/** Names that hold an identifier: random ids pass Luhn 1 time in 10, so they never count as cards by value alone. */
function isIdName(key: string | null): boolean {
  return nameMentions(key, ['id', 'ids', 'uuid', 'guid']);
}

/**
 * Credential and token names, and the [GL generic-api-key] words `key`,
 * `token`, `secret`; not names of public or descriptive values (`public_key`,
 * `key_id`, `token_hash`).
 */
function isSecretLikeName(key: string | null, category: NameCategory | null): boolean {
  const secretWord = category === 'credential' || category === 'bearer' || nameMentions(key, ['key', 'token', 'secret']);
  return secretWord && !nameMentions(key, ['public', 'pub', 'id', 'hash', 'type', 'url', 'uri']);
}

/** The email rule (docs/audit.md "Sensitive data", Email). */
function emailCandidate(value: string, key: string | null, scope: LeafScope, depth: number): Candidate {
  if (isServiceAccount(value)) return { rule: 'email-address', severity: 'info', byValue: true, what: 'service account' };
  // OIDC Core §5.1: an ID token's top-level email, or a standard name claim holding one (Auth0 names
  // database users by their email), was asked for by the client.
  const standard = scope.claimsSet && depth === 1 && (key === 'email' || PERSONAL_NAME_CLAIMS.has(key ?? '')) && scope.tokenClass === 'id';
  return { rule: 'email-address', severity: standard ? 'info' : 'low', byValue: true, what: standard ? 'OIDC email claim of an ID token' : 'email address' };
}

/** `sub` is an identifier (OIDC Core §2): only an email or phone number in it is worth saying, at most low. */
export function subjectCandidates(node: JsonNode, scope: LeafScope): Candidate[] {
  if (node.type !== 'string') return [];
  if (isEmail(node.value)) return [{ ...emailCandidate(node.value, 'sub', scope, 0), what: 'email address as subject (can be reassigned)' }];
  return isPhoneNumber(node.value, false) ? [{ rule: 'phone-number', severity: 'low', byValue: true, what: 'phone number as subject' }] : [];
}

function stringValueCandidates(value: string, visit: Visit, category: NameCategory | null, scope: LeafScope): Candidate[] {
  const text = value.slice(0, MAX_SCANNED_STRING);
  const { key } = visit;
  const out: Candidate[] = [];
  const add = (c: Candidate | null | false): void => {
    if (c) out.push(c);
  };
  add(isPrivateKeyText(text) && { rule: 'private-key-material', severity: 'critical', byValue: true, what: 'PEM private key' });
  const credential = findServiceCredential(text, key);
  if (credential) {
    const what = credential.note ? `${credential.name} (${credential.note})` : credential.name;
    out.push({ rule: 'service-credential', severity: credential.severity, byValue: true, what });
  }
  if (isSecretLikeName(key, category) && isHighEntropy(text)) {
    out.push({ rule: 'high-entropy-secret', severity: 'high', byValue: true, byBoth: true, what: 'high-entropy string under a secret-like name' });
  }
  if (!isIdName(key) || category === 'card') {
    const card = findCardInText(text);
    add(card && { rule: 'payment-card', severity: card.grouped || category === 'card' ? 'high' : 'medium', byValue: true, what: `${card.brand} card number` });
  }
  const iban = validIbanCountry(text);
  add(iban !== null && { rule: 'iban', severity: 'high', byValue: true, what: `${iban} IBAN` });
  const id = findNationalId(text, category === 'government-id');
  add(id !== null && { rule: 'national-id', severity: 'high', byValue: true, what: `US ${id}` });
  add(isEmail(text) && emailCandidate(text, key, scope, visit.depth));
  add(isPhoneNumber(text, category === 'phone') && { rule: 'phone-number', severity: 'low', byValue: true, what: 'phone number' });
  // Version strings such as 1.2.3.4 parse as IPv4 addresses.
  const ip = nameMentions(key, ['ver', 'version']) ? null : ipAddress(text.trim());
  add(ip !== null && { rule: 'ip-address', severity: ip.range === null ? 'low' : 'info', byValue: true, what: `${ip.range ?? 'public'} IP address` });
  return out;
}

function numberValueCandidates(raw: string, category: NameCategory | null, key: string | null): Candidate[] {
  const out: Candidate[] = [];
  if (!isIdName(key) || category === 'card') {
    const card = findCardInNumber(raw);
    if (card) out.push({ rule: 'payment-card', severity: category === 'card' ? 'high' : 'medium', byValue: true, what: `${card.brand} card number` });
  }
  if (category === 'government-id' && findNationalId(raw, true) !== null) out.push({ rule: 'national-id', severity: 'high', byValue: true, what: 'US SSN' });
  if (category === 'phone' && isPhoneNumber(raw, true)) out.push({ rule: 'phone-number', severity: 'low', byValue: true, what: 'phone number' });
  return out;
}

/** Candidates that need a fitting name and a value of the right form (docs/audit.md "Sensitive data" DOB, Address and Geo). */
function namedValueCandidates(node: JsonNode, visit: Visit, category: NameCategory | null, scope: LeafScope): Candidate[] {
  if (category === 'address' && node.type === 'string' && looksLikePostalAddress(node.value)) {
    return [{ rule: 'postal-address', severity: 'medium', byValue: true, byBoth: true, what: 'postal address' }];
  }
  if (category === 'dob') {
    const dob = birthDate(node, scope.now);
    if (dob === null) return [];
    // OIDC Core §5.1 `birthdate` in an ID token was asked for; a withheld year says little.
    const oidcBirthdate = scope.claimsSet && visit.depth === 1 && visit.key === 'birthdate' && scope.tokenClass === 'id';
    const low = dob.kind === 'no-year' || oidcBirthdate;
    const what = dob.kind === 'no-year' ? 'birthday without a year' : 'date of birth';
    return [{ rule: 'date-of-birth', severity: low ? 'low' : 'medium', byValue: true, byBoth: true, what }];
  }
  if (category === 'geo' && isPreciseCoordinate(node)) {
    return [{ rule: 'geolocation', severity: 'low', byValue: true, byBoth: true, what: 'precise coordinate' }];
  }
  return [];
}

/** Every value detector's say on one scalar leaf. */
export function valueCandidates(visit: Visit, category: NameCategory | null, scope: LeafScope): Candidate[] {
  const { node, key } = visit;
  const byValue =
    node.type === 'string'
      ? stringValueCandidates(node.value, visit, category, scope)
      : node.type === 'number'
        ? numberValueCandidates(node.raw, category, key)
        : [];
  return [...byValue, ...namedValueCandidates(node, visit, category, scope)];
}
