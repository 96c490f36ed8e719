import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/render/decode-text.js';
import { auditText } from '../../src/render/audit-text.js';
import { reportJson } from '../../src/render/report-json.js';
import { PLAIN_THEME } from '../../src/render/theme.js';
import { buildReport } from '../../src/report/inspect.js';
import { decodeToken } from '../../src/token/decode.js';
import { fuzzSettings } from '../helpers/fuzz.js';
import { jws } from '../helpers/tokens.js';

// Anything a terminal acts on or hides: C0/C1 controls (ESC included), DEL, bidi and zero-width marks.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u009b', '\u202e', '\u200b', '\u0007', '\r', '\u2066', 'a', '"', '\\'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
});

describe('no token byte reaches the terminal unescaped', () => {
  it('property: decode and audit text, and JSON, over hostile claim names and values', () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })), { maxKeys: 6 }), hostile, (claims, kid) => {
        const token = jws({ alg: 'HS256', kid, typ: kid }, claims);
        const report = buildReport(decodeToken(token), { token, as: 'cookie', name: kid }, { from: 'argument', count: 1 }, { now: 1_700_000_000, leeway: 0 });
        for (const out of [
          decodeText(report, PLAIN_THEME, { minSeverity: 'info', redacted: false }),
          auditText(report, PLAIN_THEME, 'high', false),
          reportJson(report),
        ]) {
          expect(out).not.toMatch(DANGEROUS);
        }
      }),
      fuzzSettings(300),
    );
  });
});
