import { createHash } from 'node:crypto';
import type { Finding } from '../audit/rule.js';
import type { TimeStatus } from '../claims/times.js';
import type { InspectReport } from '../report/inspect.js';
import type { TokenKind } from '../token/decode.js';
import { stringMember } from '../token/json.js';
import type { Verification } from '../verify/result.js';

/** A token's JSON members from `header` to `verification`, each value as JSON text laid out for the output, by name. */
export type TokenDetailsJson = Readonly<Record<string, string>>;

/** The two JSON outputs of scan: `--json`, one document, and `--jsonl`, one line per token. */
export type ScanJsonLayout = 'document' | 'line';

/**
 * What a scan keeps of a distinct token once it is inspected (and
 * verified): what the text, JSON and SARIF reports read of it, never the
 * whole report, so that memory stays small however many tokens a scan
 * finds. Plain data, so that a worker thread can send it back.
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
  /** Rendered where the token was examined; null unless the output is JSON. */
  readonly detailsJson: TokenDetailsJson | null;
}

export function examinationOf(token: string, report: InspectReport, verification: Verification | null, detailsJson: TokenDetailsJson | null): Examination {
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
    detailsJson,
  };
}
