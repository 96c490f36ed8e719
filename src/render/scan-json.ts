import { countBySeverity } from '../audit/threshold.js';
import type { ScannedToken } from '../scan/collect.js';
import type { ScanResult } from '../scan/scan.js';
import { countOutcomes } from '../scan/verification.js';
import { faithful, faithfulOrNull, toJsonText, writeJsonText, type Printable } from './json.js';
import { findingJson, timeJson } from './report-json.js';
import { verificationJson } from './verify-json.js';

/** `eyJhbGciOi…`: enough to tell it is a JWT, too little to use it. */
export function redactedToken(token: string): string {
  return `${token.slice(0, 10)}…`;
}

/** One `tokens[]` entry (docs/output.md), made from the examination only as it is printed. */
function tokenEntry(t: ScannedToken, showTokens: boolean): Printable {
  const d = t.details;
  if (d === null) throw new Error('a scanned token has no details: the scan was not set up for JSON output');
  return {
    sha256: t.sha256,
    redacted: redactedToken(t.token),
    token: showTokens ? t.token : null,
    kind: t.kind,
    occurrences: t.occurrences,
    locations: t.locations.map((l) => ({ ...l })),
    header: faithful(d.header),
    payload: faithfulOrNull(d.payload),
    // Left out (undefined) unless the payload is not a JSON object.
    payloadText: d.payloadText ?? undefined,
    payloadBase64url: d.payloadBase64url ?? undefined,
    time: timeJson(d.time),
    findings: t.findings.map(findingJson),
    verification: t.verification === null ? null : verificationJson(t.verification),
  };
}

/** The `summary` of a scan: how much was read, and the findings of all tokens by severity. */
function scanSummaryJson(result: ScanResult): Printable {
  const { files, bytes, skipped } = result.progress;
  return {
    files,
    bytes,
    skipped,
    tokens: result.tokens.length,
    findings: countBySeverity(result.tokens.flatMap((t) => t.findings)),
    verification: result.verified ? countOutcomes(result.tokens.map((t) => t.verification)) : null,
    stopped: result.stopped,
  };
}

/**
 * `--json`: one document with every token and the summary, handed to `write`
 * in pieces as it is made: a scan of thousands of tokens is never one string.
 */
export function writeScanJson(result: ScanResult, showTokens: boolean, write: (text: string) => void): void {
  writeJsonText({ tokens: result.tokens.map((t) => tokenEntry(t, showTokens)), summary: scanSummaryJson(result) }, write);
  write('\n');
}

/** `--jsonl`: one line per token. */
export function scanJsonLine(t: ScannedToken, showTokens: boolean): string {
  return `${toJsonText(tokenEntry(t, showTokens), 0)}\n`;
}
