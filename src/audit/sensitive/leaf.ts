import type { JsonNode } from '../../token/json.js';
import { severityRank, type Severity } from '../rule.js';
import type { TokenClass } from '../token-class.js';
import { findCardInNumber, findCardInText, isCardShaped } from './card.js';
import { isEmail, isPhoneNumber, isServiceAccount, ipAddress } from './contact.js';
import { findServiceCredential, isPrivateKeyText } from './credentials.js';
import { isHighEntropy } from './entropy.js';
import { isIbanShaped, validIbanCountry } from './iban.js';
import { nameCategory, nameMentions, PERSONAL_NAME_CLAIMS, type NameCategory } from './names.js';
import { findNationalId, isSsnShaped } from './national-id.js';
import { MAX_SCANNED_STRING } from './nested.js';
import { birthDate, isPreciseCoordinate, looksLikePostalAddress } from './personal.js';
import type { Visit } from './walk.js';

export type SensitiveRuleId =
  | 'sensitive-credential'
  | 'private-key-material'
  | 'service-credential'
  | 'nested-bearer-token'
  | 'high-entropy-secret'
  | 'payment-card'
  | 'national-id'
  | 'iban'
  | 'special-category'
  | 'date-of-birth'
  | 'postal-address'
  | 'phone-number'
  | 'email-address'
  | 'ip-address'
  | 'geolocation'
  | 'personal-name';

export type Confidence = 'high' | 'medium' | 'low';

/** What one detector concluded about one value. */
export interface Candidate {
  readonly rule: SensitiveRuleId;
  readonly severity: Severity;
  /** Said by the value (a validator or a format) rather than by the name alone. */
  readonly byValue: boolean;
  /** The value check was one that only runs under a fitting name (date of birth, coordinates …). */
  readonly byBoth?: boolean;
  readonly what: string;
}

/** Where a leaf stands, for the rules that depend on it. */
export interface LeafScope {
  /** The leaf sits directly in a claims set (a token's payload, not a JSON string inside one). */
  readonly claimsSet: boolean;
  readonly tokenClass: TokenClass;
  readonly now: number;
}

/**
 * gitleaks' global allowlist placeholders [GL allowlist.regexes] plus the
 * usual redaction marks: values that stand in for a secret.
 */
const PLACEHOLDER = /^(?:true|false|null|\$\{[^}]*\}|\{\{[^}]*\}\}|%[^%]+%|redacted|<redacted>|n\/a)$/i;
const ONE_CHARACTER_RUN = /^(.)\1*$/s;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** ISO 9362 BIC: bank, country, location, optional branch. */
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?$/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim()) || ONE_CHARACTER_RUN.test(value);
}

/** Name categories whose values the value detectors confirm: a hit under such a name has high confidence. */
const CONFIRMS: Partial<Record<SensitiveRuleId, readonly NameCategory[]>> = {
  'payment-card': ['card'],
  iban: ['bank'],
  'national-id': ['government-id'],
  'email-address': ['email'],
  'phone-number': ['phone'],
  'ip-address': ['network'],
  'service-credential': ['credential', 'bearer'],
  'private-key-material': ['credential'],
};

export function confidenceOf(candidate: Candidate, category: NameCategory | null): Confidence {
  if (!candidate.byValue) return 'low';
  if (candidate.byBoth || (category !== null && CONFIRMS[candidate.rule]?.includes(category))) return 'high';
  return 'medium';
}

/** Severity = max(name rule, value rule); on a tie the value detector, which says more, wins. */
export function strongest(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    const rank = best === null ? -1 : severityRank(c.severity) - severityRank(best.severity);
    if (best === null || rank > 0 || (rank === 0 && c.byValue && !best.byValue)) best = c;
  }
  return best;
}

function hasDigit(node: JsonNode): boolean {
  return (node.type === 'string' && /\d/.test(node.value)) || node.type === 'number';
}

/** Names that hold an identifier: random ids pass Luhn 1 time in 10, so they never count as cards by value alone. */
function isIdName(key: string | null): boolean {
  return nameMentions(key, ['id', 'ids', 'uuid', 'guid']);
}

/** The email rule (AUDIT-RULES §2 "Decision on OIDC email"). */
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
  add(credential && { rule: 'service-credential', severity: credential.severity, byValue: true, what: credential.note ? `${credential.name} (${credential.note})` : credential.name });
  const secretName = category === 'credential' || category === 'bearer' || nameMentions(key, ['key', 'token', 'secret']);
  add(secretName && !nameMentions(key, ['public', 'pub', 'id', 'hash', 'type', 'url', 'uri']) && isHighEntropy(text) && {
    rule: 'high-entropy-secret', severity: 'high', byValue: true, byBoth: true, what: 'high-entropy string under a secret-like name',
  });
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
  add(ip !== null && { rule: 'ip-address', severity: ip.range === null ? 'low' : 'info', byValue: true, what: ip.range === null ? 'public IP address' : `${ip.range} IP address` });
  add(category === 'address' && looksLikePostalAddress(text) && { rule: 'postal-address', severity: 'medium', byValue: true, byBoth: true, what: 'postal address' });
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

/** Candidates that need a fitting name and a value of the right form (AUDIT-RULES §2 DOB and Geo). */
function namedValueCandidates(node: JsonNode, visit: Visit, category: NameCategory | null, scope: LeafScope): Candidate[] {
  if (category === 'dob') {
    const dob = birthDate(node, scope.now);
    if (dob === null) return [];
    // OIDC Core §5.1 `birthdate` in an ID token was asked for; a withheld year says little.
    const low = dob.kind === 'no-year' || (visit.key === 'birthdate' && scope.tokenClass === 'id');
    return [{ rule: 'date-of-birth', severity: low ? 'low' : 'medium', byValue: true, byBoth: true, what: dob.kind === 'no-year' ? 'birthday without a year' : 'date of birth' }];
  }
  if (category === 'geo' && isPreciseCoordinate(node)) {
    return [{ rule: 'geolocation', severity: 'low', byValue: true, byBoth: true, what: 'precise coordinate' }];
  }
  return [];
}

/** What the name alone says, for values no validator confirmed. */
function nameOnlyCandidates(node: JsonNode, visit: Visit, category: NameCategory | null, scope: LeafScope): Candidate[] {
  const text = node.type === 'string' ? node.value : null;
  const filled = text !== null && text.trim() !== '';
  switch (category) {
    case 'credential':
      // Booleans, numbers and dates under a credential name are metadata, not secrets.
      if (!filled || ISO_DATE.test(text.trim())) return [];
      return isPlaceholder(text)
        ? [{ rule: 'sensitive-credential', severity: 'info', byValue: false, what: 'placeholder value' }]
        : [{ rule: 'sensitive-credential', severity: 'critical', byValue: false, what: 'credential-named claim' }];
    case 'bearer':
      return filled && !isPlaceholder(text) ? [{ rule: 'nested-bearer-token', severity: 'medium', byValue: false, what: 'token-named claim' }] : [];
    case 'cvv':
      return hasDigit(node) ? [{ rule: 'special-category', severity: 'critical', byValue: false, what: 'card security code' }] : [];
    case 'card':
      // A card-shaped value that fails the checks is test data or a typo: the validator has the last word.
      return hasDigit(node) && !isCardShaped(text ?? (node.type === 'number' ? node.raw : ''))
        ? [{ rule: 'special-category', severity: 'high', byValue: false, what: 'card data by name' }]
        : [];
    case 'bank':
      return (hasDigit(node) && !(text !== null && isIbanShaped(text))) || (text !== null && BIC.test(text.trim()))
        ? [{ rule: 'special-category', severity: 'high', byValue: false, what: 'bank account data by name' }]
        : [];
    case 'government-id':
      return text !== null && text.trim().length >= 5 && /\d/.test(text) && !isSsnShaped(text)
        ? [{ rule: 'national-id', severity: 'high', byValue: false, what: 'government id by name' }]
        : [];
    case 'special':
      return (filled && !isPlaceholder(text)) || node.type === 'number' || (node.type === 'boolean' && node.value)
        ? [{ rule: 'special-category', severity: 'high', byValue: false, what: 'special-category data (GDPR Art. 9) or money' }]
        : [];
    default:
      return standardPersonalCandidates(node, visit, scope);
  }
}

/** OIDC Core §5.1 personal claims at the top of a claims set: reported, at reduced severity. */
function standardPersonalCandidates(node: JsonNode, visit: Visit, scope: LeafScope): Candidate[] {
  if (!scope.claimsSet || visit.depth !== 1 || node.type !== 'string' || node.value.trim() === '') return [];
  if (PERSONAL_NAME_CLAIMS.has(visit.key ?? '')) return [{ rule: 'personal-name', severity: 'info', byValue: false, what: 'personal name' }];
  if (visit.key === 'gender') return [{ rule: 'special-category', severity: 'low', byValue: false, what: 'gender (personal data, not Art. 9)' }];
  return [];
}

/** Every detector's say on one scalar leaf. */
export function leafCandidates(visit: Visit, scope: LeafScope): { candidates: Candidate[]; category: NameCategory | null } {
  const { node, key } = visit;
  const category = key === null ? null : nameCategory(key);
  const byValue =
    node.type === 'string'
      ? stringValueCandidates(node.value, visit, category, scope)
      : node.type === 'number'
        ? numberValueCandidates(node.raw, category, key)
        : [];
  return { candidates: [...byValue, ...namedValueCandidates(node, visit, category, scope), ...nameOnlyCandidates(node, visit, category, scope)], category };
}
