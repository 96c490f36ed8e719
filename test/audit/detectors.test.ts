import { describe, expect, it } from 'vitest';
import { cardBrand, findCardInNumber, findCardInText, luhnValid } from '../../src/audit/sensitive/card.js';
import { isEmail, isPhoneNumber, ipAddress } from '../../src/audit/sensitive/contact.js';
import { findServiceCredential, isPrivateKeyText } from '../../src/audit/sensitive/credentials.js';
import { isHighEntropy, shannonEntropy } from '../../src/audit/sensitive/entropy.js';
import { ibanChecksumValid, validIbanCountry } from '../../src/audit/sensitive/iban.js';
import { nameCategory } from '../../src/audit/sensitive/names.js';
import { findNationalId } from '../../src/audit/sensitive/national-id.js';
import { birthDate, isPreciseCoordinate, looksLikePostalAddress } from '../../src/audit/sensitive/personal.js';
import { nameTokens } from '../../src/audit/sensitive/walk.js';
import { NOW } from './helpers.js';

describe('name tokens and categories', () => {
  it.each([
    ['client_secret', ['client', 'secret']],
    ['apiKey', ['api', 'key']],
    ['APIKey', ['api', 'key']],
    ['https://example.com/claims/email', ['email']],
    ['cognito:username', ['username']],
  ])('splits %s', (key, tokens) => {
    expect(nameTokens(key)).toEqual(tokens);
  });

  it.each([
    ['password', 'credential'],
    ['client_secret', 'credential'],
    ['x-api-key', 'credential'],
    ['pin', 'credential'],
    ['refresh_token', 'bearer'],
    ['cvv2', 'cvv'],
    ['cc', 'card'],
    ['creditCard', 'card'],
    ['iban', 'bank'],
    ['ssn', 'government-id'],
    ['date_of_birth', 'dob'],
    ['client_ip', 'network'],
    ['email_address', 'email'],
    ['mobile', 'phone'],
    ['street_address', 'address'],
    ['latitude', 'geo'],
    ['sexual_orientation', 'special'],
  ])('%s is %s', (key, category) => {
    expect(nameCategory(key)).toBe(category);
  });

  it.each([
    ['keyboard'],
    ['monkey'],
    ['passport_strategy_name'],
    ['tokenizer'],
    ['secretary'],
    ['password_changed_at'],
    ['has_password'],
    ['token_use'],
    ['token_type'],
    ['cc_emails'],
    ['ip_address_count'],
    ['wallet_address'],
  ])('%s is no credential, token or card name', (key) => {
    expect(['credential', 'bearer', 'card']).not.toContain(nameCategory(key));
  });

  it('keeps passport a government-id name only as a whole token', () => {
    expect(nameCategory('passport')).toBe('government-id');
    expect(nameCategory('passports_seen')).toBeNull();
  });
});

describe('payment cards', () => {
  it('validates Luhn and brands', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(cardBrand('378282246310005')).toBe('American Express');
    expect(cardBrand('5555555555554444')).toBe('Mastercard');
    expect(cardBrand('2223003122003222')).toBe('Mastercard');
    expect(cardBrand('6011111111111117')).toBe('Discover');
    expect(cardBrand('3530111333300000')).toBe('JCB');
    expect(cardBrand('9111111111111111')).toBeNull();
  });

  it('finds 4-4-4-4 numbers in text and knows they are grouped', () => {
    expect(findCardInText('pay with 4111 1111 1111 1111 today')).toEqual({ brand: 'Visa', grouped: true });
    expect(findCardInText('4111-1111-1111-1111')).toEqual({ brand: 'Visa', grouped: true });
    expect(findCardInText('4111111111111111')).toEqual({ brand: 'Visa', grouped: false });
  });

  it.each([['4111111111111112'], ['1516239022000'], ['0000000000000000'], ['12345678901234567890123']])('rejects %s', (text) => {
    expect(findCardInText(text)).toBeNull();
  });

  it('reads integers by their digits', () => {
    expect(findCardInNumber('4111111111111111')).toEqual({ brand: 'Visa', grouped: false });
    expect(findCardInNumber('1516239022000')).toBeNull();
  });
});

describe('IBAN', () => {
  it('accepts DE89 3704 0044 0532 0130 00 and a GB IBAN', () => {
    expect(validIbanCountry('DE89 3704 0044 0532 0130 00')).toBe('DE');
    expect(validIbanCountry('GB82-WEST-1234-5698-7654-32')).toBe('GB');
  });

  it('rejects a failed mod-97 and a wrong country length', () => {
    expect(ibanChecksumValid('DE89370400440532013001')).toBe(false);
    expect(validIbanCountry('DE89370400440532013001')).toBeNull();
    expect(validIbanCountry('DE8937040044053201300')).toBeNull();
  });
});

describe('US SSN and ITIN', () => {
  it('accepts a delimited SSN alone and bare digits only with a name', () => {
    expect(findNationalId('536-22-1234', false)).toBe('SSN');
    expect(findNationalId('536 22 1234', false)).toBe('SSN');
    expect(findNationalId('536221234', false)).toBeNull();
    expect(findNationalId('536221234', true)).toBe('SSN');
  });

  it.each([
    ['078-05-1120'],
    ['123-45-6789'],
    ['987-65-4320'],
    ['000-12-3456'],
    ['666-12-3456'],
    ['536-00-1234'],
    ['536-22-0000'],
    ['536-22 1234'],
    ['111-11-1111'],
  ])('rejects %s', (text) => {
    expect(findNationalId(text, true)).toBeNull();
  });

  it('accepts an ITIN with a name only', () => {
    expect(findNationalId('912-78-1234', true)).toBe('ITIN');
    expect(findNationalId('912-78-1234', false)).toBeNull();
  });
});

describe('contact and network', () => {
  it('email: whole value with a real TLD', () => {
    expect(isEmail('john.doe@example.com')).toBe(true);
    expect(isEmail('https://accounts.example.com')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
    expect(isEmail(`${'a'.repeat(250)}@x.io`)).toBe(false);
  });

  it('phone: E.164 alone, national formats with a name', () => {
    expect(isPhoneNumber('+1 (415) 555-2671', false)).toBe(true);
    expect(isPhoneNumber('(415) 555-2671', false)).toBe(false);
    expect(isPhoneNumber('(415) 555-2671', true)).toBe(true);
    expect(isPhoneNumber('+0123456789', false)).toBe(false);
  });

  it('IP: private ranges are info material, public ones are not', () => {
    expect(ipAddress('10.1.2.3')).toEqual({ range: 'private' });
    expect(ipAddress('fe80::1')).toEqual({ range: 'link-local' });
    expect(ipAddress('8.8.8.8')).toEqual({ range: null });
    expect(ipAddress('1.2.3')).toBeNull();
  });
});

describe('credentials', () => {
  it.each([
    [`ghp_${'a1B2'.repeat(9)}`, 'GitHub token', 'critical'],
    ['AKIAZ3MSJV4WWNKWW5FG', 'AWS access key', 'critical'],
    ['ASIAZ3MSJV4WWNKWW5FG', 'AWS temporary access key', 'high'],
    ['AKIAIOSFODNN7EXAMPLE', 'AWS access key', 'info'],
    [`glpat-${'x'.repeat(20)}`, 'GitLab token', 'critical'],
    [`sk_live_${'a'.repeat(24)}`, 'Stripe live key', 'critical'],
    [`sk_test_${'a'.repeat(24)}`, 'Stripe test key', 'medium'],
    [`AIza${'b'.repeat(35)}`, 'Google API key', 'high'],
    ['xoxb-1234567890-1234567890-abcdefABCDEF', 'Slack bot token', 'critical'],
    [`sk-ant-api03-${'c'.repeat(93)}AA`, 'Anthropic key', 'critical'],
    [`SG.${'d'.repeat(66)}`, 'SendGrid key', 'critical'],
    // One per literal mark that lets a value skip a pattern, in each case a pattern ignores.
    ['A3TXZ3MSJV4WWNKWW5FG', 'AWS access key', 'critical'],
    [`github_pat_${'A1'.repeat(41)}`, 'GitHub fine-grained token', 'critical'],
    [`NPM_${'A1'.repeat(18)}`, 'npm token', 'critical'],
    [`xoxe-1234567890-1234567890-1234567890-${'a'.repeat(30)}`, 'Slack user token', 'critical'],
    ['XAPP-1-A1B2C3-123456-ABCDEF', 'Slack app token', 'critical'],
    [`rk_prod_${'a'.repeat(24)}`, 'Stripe live key', 'critical'],
    [`sk-${'a'.repeat(20)}T3BlbkFJ${'b'.repeat(20)}`, 'OpenAI key', 'critical'],
    [`https://hooks.slack.com/workflows/${'A'.repeat(44)}`, 'Slack webhook', 'high'],
  ])('knows %s', (value, name, severity) => {
    expect(findServiceCredential(value, 'note')).toMatchObject({ name, severity });
  });

  it('counts an SK key as a Twilio API key only under a fitting name', () => {
    const key = `SK${'0a'.repeat(16)}`;
    expect(findServiceCredential(key, 'twilio_key')).toMatchObject({ name: 'Twilio API key', severity: 'high' });
    expect(findServiceCredential(key, 'note')).toBeNull();
  });

  it('counts a 40-character base64 string as an AWS secret key only under a fitting name', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY';
    expect(findServiceCredential(secret, 'aws_secret_access_key')).toMatchObject({ name: 'AWS secret access key' });
    expect(findServiceCredential(secret, 'note')).toBeNull();
  });

  it('knows PEM private keys and PuTTY key files', () => {
    expect(isPrivateKeyText('-----BEGIN RSA PRIVATE KEY-----\nMIIE...')).toBe(true);
    expect(isPrivateKeyText('-----BEGIN OPENSSH PRIVATE KEY-----')).toBe(true);
    expect(isPrivateKeyText('PuTTY-User-Key-File-3: ssh-ed25519')).toBe(true);
    expect(isPrivateKeyText('-----BEGIN PUBLIC KEY-----')).toBe(false);
  });
});

describe('entropy', () => {
  it('uses the detect-secrets limits', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(isHighEntropy('8f14e45fceea167a5a36dedd4bea2543')).toBe(true);
    expect(isHighEntropy('Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbA')).toBe(true);
    expect(isHighEntropy('aaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(isHighEntropy('3f1c2a9e-7b44-4e0b-9d8a-2f6c1e0b5a77')).toBe(false);
    expect(isHighEntropy('short')).toBe(false);
  });
});

describe('personal data by name and value', () => {
  it('dates of birth between 1900 and last year', () => {
    expect(birthDate({ type: 'string', value: '1990-04-01' }, NOW)).toEqual({ kind: 'date', year: 1990 });
    expect(birthDate({ type: 'string', value: '0000-04-01' }, NOW)).toEqual({ kind: 'no-year' });
    expect(birthDate({ type: 'string', value: '1850-04-01' }, NOW)).toBeNull();
    expect(birthDate({ type: 'string', value: '2023-13-01' }, NOW)).toBeNull();
    expect(birthDate({ type: 'number', raw: '639014400', value: 639014400 }, NOW)).toEqual({ kind: 'date', year: 1990 });
  });

  it('postal addresses and coordinates', () => {
    expect(looksLikePostalAddress('1600 Amphitheatre Pkwy')).toBe(true);
    expect(looksLikePostalAddress('94043')).toBe(false);
    expect(isPreciseCoordinate({ type: 'number', raw: '37.4221', value: 37.4221 })).toBe(true);
    expect(isPreciseCoordinate({ type: 'number', raw: '37.42', value: 37.42 })).toBe(false);
  });
});
