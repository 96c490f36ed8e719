/**
 * Shapes of values that a lookup (file path, SQL, LDAP, shell) would
 * misread. RFC 8725 §3.10 warns that `kid` often drives such lookups and
 * §2.9 that claims do too; the probes are jwt_tool's playbook kids.
 *
 * Every pattern is a plain alternation or a bounded class: no nested
 * quantifiers, so a 64 KiB hostile string is matched in linear time.
 */

export type InjectionKind = 'path traversal' | 'file path' | 'url scheme' | 'control character' | 'SQL' | 'shell' | 'LDAP' | 'template';

const PATH_TRAVERSAL = /\.\.[\\/]|%2e%2e/i;
const FILE_PATH = /^(?:[/\\]|[A-Za-z]:\\)/;
const URL_SCHEME = /^(?:file|https?):/i;
const CONTROL = /[\x00-\x1f]/;
const SQL_PUNCTUATION = /['"]|--|\/\*/;
const SQL_KEYWORD = /\b(?:union|select|or|and|sleep|benchmark)\b/i;
const SHELL = /[|&;`]|\$\(/;
/**
 * In claims a lone `|` is common (Auth0 subjects are `auth0|5f7c…`), so
 * there a shell separator counts only before a command or a substitution.
 */
const SHELL_IN_CLAIM = /`|\$\(|[|&;]\s*(?:sleep|ping|curl|wget|nc|bash|sh|cat|id|whoami|rm|ls|echo|uname)\b/i;
const LDAP = /\*\)\(|\)\(/;
const TEMPLATE = /\$\{|\{\{/;

function isSql(value: string): boolean {
  return SQL_PUNCTUATION.test(value) && SQL_KEYWORD.test(value);
}

/** Why a `kid` looks like an injection probe (the kid-injection rule; RFC 8725 §3.10), or null. */
export function kidInjection(kid: string): InjectionKind | 'too long' | null {
  if (PATH_TRAVERSAL.test(kid)) return 'path traversal';
  if (FILE_PATH.test(kid)) return 'file path';
  if (URL_SCHEME.test(kid)) return 'url scheme';
  if (CONTROL.test(kid)) return 'control character';
  if (isSql(kid)) return 'SQL';
  if (SHELL.test(kid)) return 'shell';
  if (LDAP.test(kid)) return 'LDAP';
  // Real kids are short ids, thumbprints or URLs; jwt_tool pads probes past this.
  if (kid.length > 256) return 'too long';
  return null;
}

/** Why a lookup claim (`sub`, `email`, `tenant` …) looks like an injection probe, or null. */
export function claimInjection(value: string): InjectionKind | null {
  if (PATH_TRAVERSAL.test(value)) return 'path traversal';
  if (FILE_PATH.test(value)) return 'file path';
  if (isSql(value)) return 'SQL';
  if (SHELL_IN_CLAIM.test(value)) return 'shell';
  if (LDAP.test(value)) return 'LDAP';
  if (TEMPLATE.test(value)) return 'template';
  return null;
}
