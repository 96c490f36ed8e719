import type { Verification } from '../verify/result.js';
import type { Printable } from './json.js';

/** The `verification` object of the JSON document (docs/output.md), exactly. */
export function verificationJson(v: Verification): Printable {
  const errors = v.errors.map((e) => ({ code: e.code, message: e.message, claim: e.claim }));
  return {
    valid: v.valid,
    alg: v.alg,
    key: v.key === null ? null : { source: v.key.source, kid: v.key.kid, thumbprint: v.key.thumbprint },
    error: errors[0] ?? null,
    errors,
    warnings: v.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
