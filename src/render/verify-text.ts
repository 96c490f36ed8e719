import type { CertificateInfo, KeySourceKind } from '../keys/key.js';
import type { InspectReport } from '../report/inspect.js';
import type { TriedKey, Verification, VerificationError } from '../verify/result.js';
import { decodeText } from './decode-text.js';
import { escapeTerminal } from './escape.js';
import type { Theme } from './theme.js';

/**
 * What the verify screen tells of the keys it was given: where they came
 * from and the certificate they came in. Never the keys or their document,
 * which may hold private material.
 */
export interface KeyProvenance {
  readonly source: KeySourceKind;
  /** Where the keys were read: `--secret-env JWT_SECRET`, a path, a URL. */
  readonly origin: string;
  readonly certificate: CertificateInfo | null;
}

/** Where the keys came from, in words: the origin already names the option, path or issuer, a bare JWKS location does not. */
function whereFrom(keys: KeyProvenance): string {
  return `from ${keys.source === 'jwks' ? 'JWKS ' : ''}${escapeTerminal(keys.origin)}`;
}

/** What a failure is about: the signature (or decryption), else the claim. */
function subject(e: VerificationError): string {
  if (e.claim !== null) return e.claim;
  if (e.code.startsWith('ERR_JWE')) return 'decryption';
  return e.code === 'ERR_JWT_INVALID' ? 'token' : 'signature';
}

function keyLine(key: TriedKey | null, keys: KeyProvenance | null, theme: Theme): string {
  const label = `  ${'key'.padEnd(12)}`;
  if (key === null) return label + theme.dim(keys === null ? '(none)' : `no key verified; keys ${whereFrom(keys)}`);
  const kid = key.kid === null ? '' : `, kid ${escapeTerminal(JSON.stringify(key.kid))}`;
  const thumbprint = key.thumbprint === null ? '' : `, SHA-256 thumbprint ${key.thumbprint}`;
  return `${label}${key.description}${kid}${thumbprint}${keys === null ? '' : `, ${whereFrom(keys)}`}`;
}

function certificateLine(cert: CertificateInfo, now: number, theme: Theme): string {
  const status =
    now >= cert.notAfterSeconds
      ? theme.warn(' (EXPIRED as of the check time)')
      : now < cert.notBeforeSeconds
        ? theme.warn(' (NOT YET VALID as of the check time)')
        : '';
  return `  ${'certificate'.padEnd(12)}${escapeTerminal(cert.subject)}, valid ${cert.notBefore} to ${cert.notAfter}${status}`;
}

function validLine(v: Verification, theme: Theme): string {
  const checked = `the signature${v.alg === null ? '' : ` (${escapeTerminal(v.alg)})`} checks out and every claim check passed.`;
  const weak = v.warnings.find((w) => w.code === 'weak-key');
  // A short key is the one thing a reader of the first line must not miss: the verdict is only as good as the key.
  return weak === undefined ? `${theme.good('VALID')}: ${checked}` : `${theme.warn('VALID, but')} ${escapeTerminal(weak.message)}. Otherwise ${checked}`;
}

/** The verdict at the top, in words a hurried reader cannot miss, then every failure, every warning and the key used. */
function verdictLines(v: Verification, keys: KeyProvenance | null, now: number, theme: Theme): string[] {
  const lines =
    v.errors.length === 0
      ? [validLine(v, theme)]
      : [
          `${theme.bad('INVALID')}: do not trust this token. ${v.errors.length === 1 ? '1 check' : `${v.errors.length} checks`} failed:`,
          ...v.errors.map((e) => `  ${theme.bad('✗')} ${subject(e).padEnd(11)} ${escapeTerminal(e.message)} ${theme.dim(`[${e.code}]`)}`),
        ];
  lines.push(...v.warnings.map((w) => `  ${theme.warn('!')} ${'warning'.padEnd(11)} ${escapeTerminal(w.message)} ${theme.dim(`[${w.code}]`)}`));
  lines.push(keyLine(v.key, keys, theme));
  if (keys?.certificate) lines.push(certificateLine(keys.certificate, now, theme));
  return lines;
}

/** The verify screen: the verdict, then the token as decode shows it. */
export function verifyText(report: InspectReport, v: Verification, keys: KeyProvenance | null, theme: Theme): string {
  return decodeText(report, theme, { minSeverity: 'medium', redacted: false, banner: verdictLines(v, keys, report.time.now, theme) });
}
