import { ruleCatalogue } from '../audit/catalogue.js';
import type { Finding } from '../audit/rule.js';
import { sarifLog } from './sarif.js';

/**
 * `audit --format sarif`: every rule of the catalogue, and one result per
 * finding, located in the file the input came from, or else by its path in
 * the token (`payload.password`) or `fallback` (`token`, `input`).
 */
export function auditSarif(findings: readonly Finding[], file: string | null, fallback: string): string {
  return sarifLog(
    ruleCatalogue(),
    findings.map((finding) => ({
      finding,
      locations: [file === null ? { kind: 'logical' as const, name: finding.path ?? fallback } : { kind: 'file' as const, uri: file }],
    })),
  );
}
