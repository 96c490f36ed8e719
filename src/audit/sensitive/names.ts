import { nameTokens } from './walk.js';

/**
 * Claim-name categories of docs/audit.md "Sensitive data", matched on whole name tokens
 * (nameTokens) so that `keyboard`, `monkey`, `passport_strategy` … match
 * only what they really name. Phrases are consecutive tokens.
 */
export type NameCategory =
  'credential' | 'bearer' | 'cvv' | 'card' | 'bank' | 'government-id' | 'dob' | 'network' | 'email' | 'phone' | 'address' | 'geo' | 'special';

/**
 * Credential names: the [DS keyword.py] DENYLIST and the [GL generic-api-key]
 * keywords, as docs/audit.md "Sensitive data" lists them.
 */
const CREDENTIAL = phrases(
  'password passwd pwd passphrase passcode secret privkey apikey credentials creds dsn',
  'private key|secret key|api key|access key|auth key|signing key|encryption key|session key|connection string|database url',
  'service key|account key|db key|database key|client key|db pass|database pass|key pass',
);
const BEARER = phrases('bearer', 'access token|refresh token|id token|session token|auth token|api token|provider token|upstream token|oauth token');
const CVV = phrases('cvv cvc cvv2');
const CARD = phrases('cardnumber ccn', 'card number|credit card');
const BANK = phrases('iban bic swift', 'account number|routing number|sort code');
const GOVERNMENT_ID = phrases('ssn sin nin itin tin passport', 'social security|national id|tax id|drivers license|driver license');
const DOB = phrases('dob birthdate birthday', 'birth date|date of birth');
const NETWORK = phrases('ip', 'ip address|client ip|remote addr|x forwarded for');
const EMAIL = phrases('email mail', 'e mail');
const PHONE = phrases('phone mobile msisdn tel', 'phone number');
const ADDRESS = phrases('address street postcode zip zipcode', 'street address|postal code');
const GEO = phrases('lat lng lon latitude longitude geo coordinates');
/** GDPR Art. 9 special categories, and money. */
const SPECIAL = phrases(
  'health medical diagnosis disability ethnicity race religion political union biometric genetic salary income',
  'sexual orientation|credit score',
);

/** `cc` and `pan` mean a card only as a whole key; as tokens they are `cc_emails`, `pan_zoom`. */
const CARD_KEYS = new Set(['cc', 'pan']);
/** docs/audit.md "Sensitive data": `pin` counts only as an exact key. */
const CREDENTIAL_KEYS = new Set(['pin']);
/** Addresses that are not postal. */
const NOT_POSTAL = new Set(['ip', 'email', 'mail', 'mac', 'wallet', 'contract', 'host', 'server', 'remote', 'web', 'eth', 'btc', 'memory']);

/** Names about a secret rather than holding one (`password_changed_at`, `secret_length`). */
const METADATA = new Set([
  'changed',
  'expires',
  'expiry',
  'updated',
  'last',
  'set',
  'reset',
  'required',
  'policy',
  'strength',
  'hint',
  'length',
  'age',
  'at',
  'count',
]);
/** `token_use`, `token_type`, `token_version` describe a token; they do not hold one. */
const TOKEN_METADATA = new Set(['use', 'type', 'version']);
const FLAG_PREFIX = new Set(['has', 'is', 'must']);

type Phrase = readonly string[];

function phrases(singles: string, multi = '', more = ''): Phrase[] {
  const words = singles
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => [w]);
  const pairs = [multi, more]
    .flatMap((m) => m.split('|'))
    .filter((p) => p !== '')
    .map((p) => p.split(' '));
  return [...words, ...pairs];
}

function hasPhrase(tokens: readonly string[], list: readonly Phrase[]): boolean {
  return list.some((phrase) => tokens.some((_, i) => phrase.every((word, j) => tokens[i + j] === word)));
}

/** A name about a credential or token, not holding one: a flag, a timestamp, a policy. */
function isMetadataName(tokens: readonly string[]): boolean {
  return FLAG_PREFIX.has(tokens[0] ?? '') || tokens.some((t) => METADATA.has(t));
}

/** The category a claim name falls in, or null. */
export function nameCategory(key: string): NameCategory | null {
  const tokens = nameTokens(key);
  if (CREDENTIAL_KEYS.has(key.toLowerCase()) || hasPhrase(tokens, CREDENTIAL)) return isMetadataName(tokens) ? null : 'credential';
  if (hasPhrase(tokens, BEARER)) return isMetadataName(tokens) || tokens.some((t) => TOKEN_METADATA.has(t)) ? null : 'bearer';
  if (hasPhrase(tokens, CVV)) return 'cvv';
  if (CARD_KEYS.has(key.toLowerCase()) || hasPhrase(tokens, CARD)) return 'card';
  if (hasPhrase(tokens, BANK)) return 'bank';
  if (hasPhrase(tokens, GOVERNMENT_ID)) return 'government-id';
  if (hasPhrase(tokens, DOB)) return 'dob';
  if (hasPhrase(tokens, NETWORK)) return 'network';
  if (hasPhrase(tokens, EMAIL)) return 'email';
  if (hasPhrase(tokens, PHONE)) return 'phone';
  if (hasPhrase(tokens, ADDRESS) && !tokens.some((t) => NOT_POSTAL.has(t))) return 'address';
  if (hasPhrase(tokens, GEO)) return 'geo';
  if (hasPhrase(tokens, SPECIAL)) return 'special';
  return null;
}

/** The name tokens mention one of these words (AWS secret keys and Twilio keys count only then). */
export function nameMentions(key: string | null, words: readonly string[]): boolean {
  if (key === null) return false;
  const tokens = nameTokens(key);
  return words.some((w) => tokens.includes(w));
}

/**
 * Claims never scanned: registered and standard claims whose values a spec
 * defines (RFC 7519 §4.1, OIDC Core §5.1 and §2, RFC 8693, RFC 8417,
 * RFC 9449, RFC 9068 §2.2.3.1), and random or certificate data by design.
 */
export const NEVER_SCANNED: ReadonlySet<string> = new Set([
  'iss',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
  'auth_time',
  'nonce',
  'acr',
  'amr',
  'azp',
  'at_hash',
  'c_hash',
  's_hash',
  'sid',
  'updated_at',
  'email_verified',
  'phone_number_verified',
  'zoneinfo',
  'locale',
  'profile',
  'picture',
  'website',
  'client_id',
  'scope',
  'scp',
  'cnf',
  'act',
  'may_act',
  'events',
  'toe',
  'txn',
  'htm',
  'htu',
  'ath',
  'status',
  'groups',
  'roles',
  'entitlements',
  'typ',
  'ver',
  'token_use',
  'kid',
  'x5t',
  'x5t#S256',
  'x5c',
]);

/** OIDC Core §5.1 name claims: personal-name at info. */
export const PERSONAL_NAME_CLAIMS: ReadonlySet<string> = new Set(['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username']);
