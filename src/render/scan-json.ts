import { countBySeverity } from '../audit/threshold.js';
import type { InspectReport } from '../report/inspect.js';
import type { ScannedToken } from '../scan/collect.js';
import type { ScanJsonLayout, TokenDetailsJson } from '../scan/examination.js';
import type { ScanResult } from '../scan/scan.js';
import { countOutcomes } from '../scan/verification.js';
import type { Verification } from '../verify/result.js';
import { RenderedJson, toJsonText, writeJsonText, type Printable } from './json.js';
import { findingJson, timeJson } from './report-json.js';
import { verificationJson } from './verify-json.js';

/** `eyJhbGciOi…`: enough to tell it is a JWT, too little to use it. */
export function redactedToken(token: string): string {
  return `${token.slice(0, 10)}…`;
}

/** The indent of each output, and the level a `tokens[]` entry stands at: in the document, inside `{"tokens": [...]}`. */
const ENTRY_LAYOUT: Record<ScanJsonLayout, { readonly indent: number; readonly level: number }> = {
  document: { indent: 2, level: 2 },
  line: { indent: 0, level: 0 },
};

/**
 * The members of a `tokens[]` entry that depend on the token alone, from
 * `header` to `verification` (CONTRACT.md "JSON output"), each as JSON text
 * already laid out where it will stand: rendered once, where the token is
 * examined, instead of keeping its whole report until the end.
 */
export function tokenDetailsJson(r: InspectReport, verification: Verification | null, layout: ScanJsonLayout): TokenDetailsJson {
  const { indent, level } = ENTRY_LAYOUT[layout];
  const text = (value: Printable): string => toJsonText(value, indent, level + 1);
  return {
    header: text(r.header),
    payload: text(r.payload),
    ...(r.payloadText !== null ? { payloadText: text(r.payloadText) } : {}),
    ...(r.payloadBase64url !== null ? { payloadBase64url: text(r.payloadBase64url) } : {}),
    time: text(timeJson(r.time)),
    findings: text(r.findings.map(findingJson)),
    verification: text(verification === null ? null : verificationJson(verification)),
  };
}

/** One `tokens[]` entry, for the output its details were rendered for. */
function tokenEntry(t: ScannedToken, showTokens: boolean): Printable {
  const details = t.detailsJson;
  if (details === null) throw new Error('a scanned token has no JSON details: the scan was not set up for JSON output');
  const entry: Record<string, Printable> = {
    sha256: t.sha256,
    redacted: redactedToken(t.token),
    token: showTokens ? t.token : null,
    kind: t.kind,
    occurrences: t.occurrences,
    locations: t.locations.map((l) => ({ ...l })),
  };
  for (const [name, text] of Object.entries(details)) entry[name] = new RenderedJson(text);
  return entry;
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

/** `--json`: one document with every token and the summary, handed to `write` in pieces as it is made. */
export function writeScanJson(result: ScanResult, showTokens: boolean, write: (text: string) => void): void {
  const { indent } = ENTRY_LAYOUT.document;
  writeJsonText({ tokens: result.tokens.map((t) => tokenEntry(t, showTokens)), summary: scanSummaryJson(result) }, write, indent);
  write('\n');
}

/** `--jsonl`: one line per token. */
export function scanJsonLine(t: ScannedToken, showTokens: boolean): string {
  return `${toJsonText(tokenEntry(t, showTokens), ENTRY_LAYOUT.line.indent)}\n`;
}
