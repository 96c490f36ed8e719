import type { JwksReport } from '../jwks/inspect.js';
import { toJsonText } from './json.js';
import { findingJson } from './report-json.js';

/** The stable JSON document of jwks (docs/output.md). */
export function jwksJson(report: JwksReport): string {
  return `${toJsonText({
    source: report.source,
    keys: report.keys.map((k) => ({ ...k, certificate: k.certificate === null ? null : { ...k.certificate } })),
    findings: report.findings.map(findingJson),
  })}\n`;
}
