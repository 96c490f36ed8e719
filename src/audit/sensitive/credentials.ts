import type { Severity } from '../rule.js';
import { nameMentions } from './names.js';

/**
 * Known-format credentials (service-credential), from gitleaks'
 * config/gitleaks.toml [GL]. Every pattern is anchored on a literal prefix
 * and uses bounded or single-class runs, so a search is linear.
 */
interface CredentialFormat {
  readonly name: string;
  readonly pattern: RegExp;
  readonly severity: Severity;
  /** Words the claim name must hold for this format to count (bare hex is too common otherwise). */
  readonly needsName?: readonly string[];
  /**
   * Literal text every match holds one of (in any case when the pattern ignores
   * case): most values hold none, and skip the pattern (and compiling it).
   */
  readonly marks?: readonly string[];
}

const FORMATS: readonly CredentialFormat[] = [
  { name: 'GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}\b/, severity: 'critical', marks: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'] },
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_\w{82}\b/, severity: 'critical', marks: ['github_pat_'] },
  { name: 'GitLab token', pattern: /\bglpat-[\w-]{20}\b/, severity: 'critical', marks: ['glpat-'] },
  { name: 'npm token', pattern: /\bnpm_[a-z0-9]{36}\b/i, severity: 'critical', marks: ['npm_'] },
  { name: 'Slack bot token', pattern: /xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*/, severity: 'critical', marks: ['xoxb-'] },
  { name: 'Slack user token', pattern: /xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}/, severity: 'critical', marks: ['xoxp-', 'xoxe-'] },
  { name: 'Slack app token', pattern: /xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+/i, severity: 'critical', marks: ['xapp-'] },
  { name: 'Stripe live key', pattern: /\b(?:sk|rk)_(?:live|prod)_[A-Za-z0-9]{10,99}\b/, severity: 'critical', marks: ['_live_', '_prod_'] },
  { name: 'Stripe test key', pattern: /\b(?:sk|rk)_test_[A-Za-z0-9]{10,99}\b/, severity: 'medium', marks: ['_test_'] },
  {
    name: 'OpenAI key',
    pattern: /\bsk-(?:(?:proj|svcacct|admin)-(?:[\w-]{74}|[\w-]{58})T3BlbkFJ(?:[\w-]{74}|[\w-]{58})\b|[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})/,
    severity: 'critical',
    marks: ['T3BlbkFJ'],
  },
  { name: 'Anthropic key', pattern: /sk-ant-api03-[\w-]{93}AA/, severity: 'critical', marks: ['sk-ant-api03-'] },
  { name: 'SendGrid key', pattern: /SG\.[\w.=-]{66}/, severity: 'critical', marks: ['SG.'] },
  { name: 'Google API key', pattern: /\bAIza[\w-]{35}\b/, severity: 'high', marks: ['AIza'] },
  { name: 'Slack webhook', pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56}/, severity: 'high', marks: ['hooks.slack.com/'] },
  { name: 'Twilio API key', pattern: /\bSK[0-9a-fA-F]{32}\b/, severity: 'high', needsName: ['twilio', 'key', 'secret', 'api', 'sid', 'token'], marks: ['SK'] },
  // A bare 40-character base64 string is too common; it is an AWS secret key only under a name that says so.
  {
    name: 'AWS secret access key',
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/,
    severity: 'critical',
    needsName: ['aws', 'secret', 'access'],
  },
];

/** [GL aws-access-token; DS aws.py]. `ASIA` keys are temporary (STS). */
const AWS_ACCESS_KEY = /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/;
const AWS_ACCESS_KEY_MARKS = ['A3T', 'AKIA', 'ASIA', 'ABIA', 'ACCA'];

/** Whether the value holds one of the marks; with none given, any value may match. */
function holdsMark(value: string, marks: readonly string[] | undefined, ignoreCase: boolean): boolean {
  if (marks === undefined) return true;
  const text = ignoreCase ? value.toLowerCase() : value;
  return marks.some((mark) => text.includes(mark));
}

export interface CredentialMatch {
  readonly name: string;
  readonly severity: Severity;
  readonly note?: string;
}

/** A known-format credential in the value, or null. */
export function findServiceCredential(value: string, key: string | null): CredentialMatch | null {
  const aws = holdsMark(value, AWS_ACCESS_KEY_MARKS, false) ? AWS_ACCESS_KEY.exec(value) : null;
  if (aws) {
    // gitleaks allowlists `.+EXAMPLE$`: AWS documentation keys such as AKIAIOSFODNN7EXAMPLE.
    if (aws[0].endsWith('EXAMPLE')) return { name: 'AWS access key', severity: 'info', note: 'documentation key' };
    return aws[0].startsWith('ASIA') ? { name: 'AWS temporary access key', severity: 'high' } : { name: 'AWS access key', severity: 'critical' };
  }
  for (const format of FORMATS) {
    if (format.needsName && !nameMentions(key, format.needsName)) continue;
    if (!holdsMark(value, format.marks, format.pattern.ignoreCase)) continue;
    if (format.pattern.test(value)) return { name: format.name, severity: format.severity };
  }
  return null;
}

/** [GL private-key] and [DS private_key.py]: a PEM private key or a PuTTY key file. */
const PRIVATE_KEY_PEM = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;

export function isPrivateKeyText(value: string): boolean {
  return PRIVATE_KEY_PEM.test(value) || value.includes('PuTTY-User-Key-File-');
}
