import { evidenceOf } from '../mask.js';
import { defineRule, type AuditContext, type RuleHit } from '../rule.js';
import { leaves, nameTokens, type Leaf } from '../sensitive/walk.js';

const CREDENTIAL_WORDS = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'passcode', 'secret', 'credentials', 'creds', 'dsn',
]);
const CREDENTIAL_PAIRS = [
  'client secret', 'private key', 'secret key', 'api key', 'access key', 'auth key', 'signing key', 'encryption key',
  'session key', 'otp secret', 'totp secret', 'mfa secret', 'connection string', 'database url',
];
const CREDENTIAL_JOINED = new Set(['privkey', 'apikey']);
const METADATA_WORDS = new Set(['changed', 'expires', 'expiry', 'updated', 'last', 'set', 'reset', 'required', 'policy', 'strength', 'hint', 'length', 'age', 'at', 'count']);
const PLACEHOLDER = /^(?:true|false|null|a+|\*+|\$\{[^}]*\}|\{\{[^}]*\}\}|%[^%]+%|redacted|<redacted>|n\/a)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isCredentialName(key: string): boolean {
  if (key === 'pin') return true;
  const tokens = nameTokens(key);
  if (/^(?:has|is|must)_/i.test(key) || tokens.some((t) => METADATA_WORDS.has(t))) return false;
  const joined = tokens.join(' ');
  return tokens.some((t) => CREDENTIAL_WORDS.has(t) || CREDENTIAL_JOINED.has(t)) || CREDENTIAL_PAIRS.some((p) => ` ${joined} `.includes(` ${p} `));
}

function parts(ctx: AuditContext): Leaf[] {
  return [...leaves(ctx.token.header, 'header'), ...(ctx.token.claims ? leaves(ctx.token.claims, 'payload') : [])];
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;

export const sensitiveRules = [
  defineRule({
    id: 'sensitive-credential',
    severity: 'critical',
    category: 'sensitive-data',
    title: 'Credential in the token',
    advice: 'Anyone holding the token can read its claims: never put passwords, secrets or API keys in one.',
    check: (ctx) =>
      parts(ctx).flatMap((leaf): RuleHit[] => {
        if (leaf.key === null || leaf.node.type !== 'string' || !isCredentialName(leaf.key)) return [];
        const value = leaf.node.value;
        if (value === '' || PLACEHOLDER.test(value) || ISO_DATE.test(value)) return [];
        return [{ path: leaf.path, evidence: evidenceOf(value, ctx.showValues) }];
      }),
  }),
  defineRule({
    id: 'email-address',
    severity: 'low',
    category: 'sensitive-data',
    title: 'Email address',
    advice: 'Personal data is readable by every holder of the token; prefer an opaque subject id.',
    check: (ctx) =>
      parts(ctx).flatMap((leaf): RuleHit[] => {
        if (leaf.node.type !== 'string' || !EMAIL.test(leaf.node.value)) return [];
        // OIDC Core §5.1: the top-level `email` of an id token was asked for by the client.
        const standard = leaf.path === 'payload.email' && ctx.tokenClass === 'id';
        return [{ path: leaf.path, evidence: evidenceOf(leaf.node.value, ctx.showValues), ...(standard ? { severity: 'info' as const } : {}) }];
      }),
  }),
];
