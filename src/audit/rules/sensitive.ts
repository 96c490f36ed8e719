import { evidenceOf } from '../mask.js';
import { defineRule, type RuleHit, type Severity } from '../rule.js';
import { sensitiveDetections } from '../sensitive/detect.js';
import type { SensitiveRuleId } from '../sensitive/candidate.js';

/**
 * docs/audit.md "Sensitive data". A JWS payload is only base64url, readable by every
 * holder of the token [WSTG]; RFC 7519 §12 says to leave such data out, and
 * RFC 9068 §6 that clients can read access tokens. The detection is in
 * sensitive/; each rule here reports the detections of its own id, at the
 * severity its detector gave: `alsoReports` lists those besides `severity`.
 */
function sensitiveRule(id: SensitiveRuleId, severity: Severity, title: string, advice: string, alsoReports?: readonly Severity[]) {
  return defineRule({
    id,
    severity,
    ...(alsoReports === undefined ? {} : { alsoReports }),
    category: 'sensitive-data',
    title,
    advice,
    check: (ctx) =>
      sensitiveDetections(ctx)
        .filter((d) => d.rule === id)
        .map((d): RuleHit => ({
          severity: d.severity,
          path: d.path,
          note: d.note,
          ...(d.value !== null ? { evidence: evidenceOf(d.value, ctx.showValues) } : d.evidence !== null ? { evidence: d.evidence } : {}),
        })),
  });
}

const NOT_IN_TOKENS = 'Anyone holding the token can read its claims';

export const sensitiveRules = [
  sensitiveRule(
    'sensitive-credential',
    'critical',
    'Credential in the token',
    `${NOT_IN_TOKENS}: never put passwords, secrets or API keys in one; rotate this one.`,
    ['info'],
  ),
  sensitiveRule('private-key-material', 'critical', 'Private key material', `${NOT_IN_TOKENS}: this private key is leaked; revoke it and issue a new one.`),
  sensitiveRule(
    'service-credential',
    'critical',
    'Known-format service credential',
    `${NOT_IN_TOKENS}: revoke this credential at its service and keep it server-side.`,
    ['high', 'medium', 'info'],
  ),
  sensitiveRule(
    'nested-bearer-token',
    'medium',
    'A bearer token inside the token',
    'Whoever reads this token can replay the one inside it; pass tokens separately, or reference them.',
  ),
  sensitiveRule(
    'high-entropy-secret',
    'high',
    'High-entropy string under a secret-like name',
    `${NOT_IN_TOKENS}: if this is a key or token, rotate it and keep it server-side.`,
  ),
  sensitiveRule('payment-card', 'high', 'Payment card number', 'Card numbers must not travel in tokens (PCI DSS); store a reference to a vault instead.', [
    'medium',
  ]),
  sensitiveRule('national-id', 'high', 'Government identifier (US SSN / ITIN)', `${NOT_IN_TOKENS}: use an opaque internal id instead of a government number.`),
  sensitiveRule('iban', 'high', 'IBAN', `${NOT_IN_TOKENS}: keep bank details server-side and reference them.`),
  sensitiveRule(
    'special-category',
    'high',
    'Special-category or financial data',
    'Health, beliefs, biometrics and money are special-category data (GDPR Art. 9); keep them out of tokens.',
    ['critical', 'low'],
  ),
  sensitiveRule('date-of-birth', 'medium', 'Date of birth', `${NOT_IN_TOKENS}: send an age or an over-18 flag instead of the date.`, ['low']),
  sensitiveRule('postal-address', 'medium', 'Postal address', `${NOT_IN_TOKENS}: fetch the address from the userinfo endpoint when it is needed.`),
  sensitiveRule('phone-number', 'low', 'Phone number', `${NOT_IN_TOKENS}: fetch contact data from the userinfo endpoint when it is needed.`),
  sensitiveRule(
    'email-address',
    'low',
    'Email address',
    'Personal data is readable by every holder of the token; prefer an opaque subject id (OIDC Core §2).',
    ['medium', 'info'],
  ),
  sensitiveRule('ip-address', 'low', 'IP address', `${NOT_IN_TOKENS}: client addresses are personal data, and internal ones map the network.`, ['info']),
  sensitiveRule('geolocation', 'low', 'Precise geolocation', `${NOT_IN_TOKENS}: round coordinates or leave them out.`),
  sensitiveRule('personal-name', 'info', 'Personal name', 'Names are personal data (RFC 7519 §12); include them only when the audience needs them.'),
];
