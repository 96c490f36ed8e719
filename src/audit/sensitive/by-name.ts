/** What a claim's name alone says (docs/audit.md "Sensitive data" name categories), for values no validator confirmed. */
import type { JsonNode } from '../../token/json.js';
import type { Candidate, LeafScope } from './candidate.js';
import { isCardShaped } from './card.js';
import { isIbanShaped } from './iban.js';
import { PERSONAL_NAME_CLAIMS, type NameCategory } from './names.js';
import { isSsnShaped } from './national-id.js';
import type { Visit } from './walk.js';

/**
 * gitleaks' global allowlist placeholders [GL allowlist.regexes] plus the
 * usual redaction marks: values that stand in for a secret.
 */
const PLACEHOLDER = /^(?:true|false|null|\$\{[^}]*\}|\{\{[^}]*\}\}|%[^%]+%|redacted|<redacted>|n\/a)$/i;
const ONE_CHARACTER_RUN = /^(.)\1*$/s;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** ISO 9362 BIC: bank, country, location, optional branch. */
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?$/;

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim()) || ONE_CHARACTER_RUN.test(value);
}

function hasDigit(node: JsonNode): boolean {
  return (node.type === 'string' && /\d/.test(node.value)) || node.type === 'number';
}

/** What the name alone says, for values no validator confirmed. */
export function nameOnlyCandidates(node: JsonNode, visit: Visit, category: NameCategory | null, scope: LeafScope): Candidate[] {
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
