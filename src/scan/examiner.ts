import { InspectError } from '../errors.js';
import { buildReport, type InspectOptions, type SourceFrom } from '../report/inspect.js';
import { decodeToken, type DecodedToken } from '../token/decode.js';
import type { FoundToken } from '../token/extract.js';
import type { Verified } from '../verify/verify-token.js';
import { examinationOf, type Examination } from './examination.js';

/** Inspect (and verify) a token seen for the first time; null when the decoder refuses it: then it was no token. */
export type Examine = (found: FoundToken, from: SourceFrom) => Promise<Examination | null>;

export type VerifyToken = (token: DecodedToken) => Promise<Verified | null>;

/**
 * The examination of each distinct token: the rules, then the key given
 * (its report is not kept); its details only when the output prints them.
 */
export function tokenExaminer(inspect: InspectOptions, verify: VerifyToken | null, keepDetails: boolean): Examine {
  return async (found, from) => {
    let decoded: DecodedToken;
    try {
      decoded = decodeToken(found.token);
    } catch (error) {
      if (!(error instanceof InspectError)) throw error;
      return null;
    }
    const verified = verify === null ? null : await verify(decoded);
    const report = buildReport(decoded, found, { from, count: 1 }, { ...inspect, signatures: verified?.signatures ?? null });
    return examinationOf(found.token, report, verified?.verification ?? null, keepDetails);
  };
}
