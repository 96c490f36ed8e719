import type { Finding } from '../audit/rule.js';
import type { TimeClaim, TimeReport } from '../claims/times.js';
import type { InspectReport, TokenParts } from '../report/inspect.js';
import type { CheckResult } from '../claims/checks.js';
import { faithful, faithfulOrNull, toJsonText, type Printable } from './json.js';

function timeClaimJson(claim: TimeClaim | null): Printable {
  if (claim === null) return null;
  return { value: faithful({ type: 'number', raw: claim.raw, value: claim.value }), iso: claim.iso, relative: claim.relative };
}

export function timeJson(time: TimeReport): Printable {
  return {
    now: time.now,
    status: time.status,
    iat: timeClaimJson(time.iat),
    nbf: timeClaimJson(time.nbf),
    exp: timeClaimJson(time.exp),
    auth_time: timeClaimJson(time.auth_time),
    expiresIn: time.expiresIn,
    lifetime: time.lifetime,
  };
}

export function findingJson(f: Finding): Printable {
  return { id: f.id, severity: f.severity, category: f.category, title: f.title, path: f.path, evidence: f.evidence, note: f.note, advice: f.advice };
}

function partsJson(parts: TokenParts): Record<string, Printable> {
  return {
    header: faithful(parts.header),
    payload: faithfulOrNull(parts.payload),
    ...(parts.payloadText !== null ? { payloadText: parts.payloadText } : {}),
    ...(parts.payloadBase64url !== null ? { payloadBase64url: parts.payloadBase64url } : {}),
    signature: parts.signature ? { ...parts.signature } : null,
  };
}

/** The `expectations[]` of the report: what each check wanted and found, the claim as the token wrote it. */
export function checksJson(checks: readonly CheckResult[]): Printable {
  return checks.map((c) => ({ ...c, actual: typeof c.actual === 'object' && c.actual !== null ? faithful(c.actual) : c.actual }));
}

export interface ReportExtras {
  readonly expectations?: Printable;
  readonly verification?: Printable;
}

/** The stable JSON document of decode, verify and audit (docs/output.md). */
export function reportJson(report: InspectReport, extras: ReportExtras = {}): string {
  const doc: Record<string, Printable> = {
    token: { kind: report.token.kind, bytes: report.token.bytes, source: { ...report.token.source } },
    ...partsJson(report),
    time: timeJson(report.time),
    findings: report.findings.map(findingJson),
    expectations: extras.expectations ?? [],
    verification: extras.verification ?? null,
    inner: report.inner ? partsJson(report.inner) : null,
  };
  return `${toJsonText(doc)}\n`;
}

/**
 * The error document of the contract (`{"error": {...}}`) with the findings
 * of the input rules beside it, for input that holds no decodable token.
 */
export function inputErrorJson(code: string, message: string, findings: readonly Finding[]): string {
  return `${toJsonText({ error: { code, message }, findings: findings.map(findingJson) })}\n`;
}
