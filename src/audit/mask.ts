/** `h******2 (8 chars)`: enough to recognise a value, not enough to use it. */
function maskValue(value: string): string {
  const chars = [...value];
  const n = chars.length;
  if (n === 0) return '(empty)';
  const shown = n <= 2 ? '*'.repeat(n) : `${chars[0]}${'*'.repeat(Math.min(n - 2, 12))}${chars[n - 1]}`;
  return `${shown} (${n} char${n === 1 ? '' : 's'})`;
}

/** Evidence for a sensitive value: masked unless the user asked to see values. */
export function evidenceOf(value: string, showValues: boolean): string {
  return showValues ? value : maskValue(value);
}

/** The password of a URL's userinfo, up to the last `@` before the path (as the WHATWG URL parser reads it). */
const URL_PASSWORD = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\\?#:]*:)([^/\\?#]+)@/;

/** A URL for evidence: a password in its userinfo (RFC 3986 §3.2.1) masked unless the user asked to see values. */
export function urlEvidence(url: string, showValues: boolean): string {
  return showValues ? url : url.replace(URL_PASSWORD, (_, before: string, password: string) => `${before}${maskValue(password)}@`);
}
