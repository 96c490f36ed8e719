import { countBySeverity } from '../audit/threshold.js';
import type { ScannedToken } from '../scan/collect.js';
import type { ScanResult } from '../scan/scan.js';
import { countOutcomes } from '../scan/verification.js';
import type { Printable } from './json.js';
import { toJsonText } from './json.js';
import { findingJson, timeJson } from './report-json.js';
import { verificationJson } from './verify-json.js';

/** `eyJhbGciOi…`: enough to tell it is a JWT, too little to use it. */
export function redactedToken(token: string): string {
  return `${token.slice(0, 10)}…`;
}

/** One `tokens[]` entry of the scan document (CONTRACT.md "JSON output"). */
export function scannedTokenJson(t: ScannedToken, showTokens: boolean): Printable {
  const r = t.report;
  return {
    sha256: t.sha256,
    redacted: redactedToken(t.token),
    token: showTokens ? t.token : null,
    kind: r.token.kind,
    occurrences: t.occurrences,
    locations: t.locations.map((l) => ({ ...l })),
    header: r.header,
    payload: r.payload,
    ...(r.payloadText !== null ? { payloadText: r.payloadText } : {}),
    ...(r.payloadBase64url !== null ? { payloadBase64url: r.payloadBase64url } : {}),
    time: timeJson(r.time),
    findings: r.findings.map(findingJson),
    verification: t.verification === null ? null : verificationJson(t.verification),
  };
}

/** The `summary` of a scan: how much was read, and the findings of all tokens by severity. */
export function scanSummaryJson(result: ScanResult): Printable {
  const { files, bytes, skipped } = result.progress;
  return {
    files,
    bytes,
    skipped,
    tokens: result.tokens.length,
    findings: countBySeverity(result.tokens.flatMap((t) => t.report.findings)),
    verification: result.verified ? countOutcomes(result.tokens.map((t) => t.verification)) : null,
    stopped: result.stopped,
  };
}

/** `--json`: one document with every token and the summary. */
export function scanJson(result: ScanResult, showTokens: boolean): string {
  return `${toJsonText({ tokens: result.tokens.map((t) => scannedTokenJson(t, showTokens)), summary: scanSummaryJson(result) })}\n`;
}

/** `--jsonl`: one line per token. */
export function scanJsonLine(t: ScannedToken, showTokens: boolean): string {
  return `${toJsonText(scannedTokenJson(t, showTokens), 0)}\n`;
}
