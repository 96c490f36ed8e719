import { createHash } from 'node:crypto';
import type { Finding } from '../audit/rule.js';
import type { TimeReport, TimeStatus } from '../claims/times.js';
import type { InspectReport } from '../report/inspect.js';
import type { TokenKind } from '../token/decode.js';
import { stringMember, type JsonObject } from '../token/json.js';
import type { Verification } from '../verify/result.js';

/**
 * What the JSON outputs print of a token besides its findings and
 * verification: its decoded parts as the token has them (member order,
 * duplicates and digits kept), and its times.
 */
export interface TokenDetails {
  readonly header: JsonObject;
  readonly payload: JsonObject | null;
  /** A payload that is UTF-8 but not a JSON object. */
  readonly payloadText: string | null;
  /** A payload that is not even UTF-8. */
  readonly payloadBase64url: string | null;
  readonly time: TimeReport;
}

/**
 * What a scan keeps of a distinct token once it is inspected (and
 * verified): what the text, JSON and SARIF outputs read of it, never the
 * whole report, so that memory stays small however many tokens a scan
 * finds. Plain data, so that a worker thread can send it back; render/
 * turns it into text only as it is printed.
 */
export interface Examination {
  readonly sha256: string;
  readonly kind: TokenKind;
  /** Header alg and kid, payload iss and sub, when they are strings: the columns of the text table. */
  readonly alg: string | null;
  readonly kid: string | null;
  readonly iss: string | null;
  readonly sub: string | null;
  readonly timeStatus: TimeStatus;
  readonly findings: readonly Finding[];
  /** Against the key given; null without one, and for a JWE. */
  readonly verification: Verification | null;
  /**
   * Null unless the output prints it (JSON): the parsed parts take over
   * twice the memory of the rest of a typical token's examination, and text
   * and SARIF never show them.
   */
  readonly details: TokenDetails | null;
}

export function examinationOf(token: string, report: InspectReport, verification: Verification | null, keepDetails: boolean): Examination {
  const { header, payload } = report;
  return {
    sha256: createHash('sha256').update(token).digest('hex'),
    kind: report.token.kind,
    alg: stringMember(header, 'alg') ?? null,
    kid: stringMember(header, 'kid') ?? null,
    iss: stringMember(payload, 'iss') ?? null,
    sub: stringMember(payload, 'sub') ?? null,
    timeStatus: report.time.status,
    findings: report.findings,
    verification,
    details: keepDetails ? { header, payload, payloadText: report.payloadText, payloadBase64url: report.payloadBase64url, time: report.time } : null,
  };
}
