import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { ExpectSyntaxError, parseExpectation, type Bound, type Expectation } from '../../src/claims/expect.js';
import { printExpectation } from '../helpers/print-expectation.js';
import type { ClaimPath, PathSegment } from '../../src/claims/path.js';
import { parseJson, type JsonNumber } from '../../src/token/json.js';

/** Fixed seed and a bounded number of runs: the same cases on every machine, in well under a second. */
const RUNS = fuzzSettings(400);

const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }).map((name) => ({ kind: 'name', name }) as const),
  fc.constantFrom('sub', 'scope', 'header', 'a.b', 'https://x.io/roles', '').map((name) => ({ kind: 'name', name }) as const),
  fc.nat({ max: 1000 }).map((index) => ({ kind: 'index', index }) as const),
);

// A payload path cannot start with a member named "header" when more follows: that spelling means the header.
const claimPath: fc.Arbitrary<ClaimPath> = fc
  .record({ root: fc.constantFrom('header', 'payload'), segments: fc.array(segment, { minLength: 1, maxLength: 4 }) })
  .filter(({ root, segments }) => !(root === 'payload' && segments.length > 1 && segments[0]!.kind === 'name' && segments[0]!.name === 'header'));

const jsonValue = fc.oneof(
  fc.json({ maxDepth: 2 }).map((text) => parseJson(text).value),
  fc.string({ unit: 'binary', maxLength: 12 }).map((value) => ({ type: 'string', value }) as const),
);

const numberText = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));

const bound: fc.Arbitrary<Bound> = fc.oneof(
  numberText.map((raw) => ({ kind: 'number', number: parseJson(raw).value as JsonNumber }) as const),
  fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((offset) => ({ kind: 'now', offset }) as const),
);

const expectation: fc.Arbitrary<Expectation> = fc
  .oneof(
    fc.record({ path: claimPath, op: fc.constantFrom('exists', 'absent') }),
    fc.record({ path: claimPath, op: fc.constantFrom('=', '!=', '~='), value: jsonValue }),
    fc.record({ path: claimPath, op: fc.constantFrom('>', '>=', '<', '<='), bound }),
  )
  .map((e) => ({ ...e, text: '' }) as Expectation);

const withoutText = (e: Expectation): unknown => ({ ...e, text: undefined });

/** Text made mostly of the pieces of the language, so that the parser is pushed down every branch. */
const nearlyExpressions = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'sub',
        '.',
        '[',
        ']',
        '"',
        '0',
        '12',
        '=',
        '!',
        '~',
        '>',
        '<',
        'now',
        '+',
        '-',
        '15m',
        ' ',
        'header',
        '\\',
        '{',
        '}',
        ',',
        'e',
        'x"y',
        'null',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join('')),
);

describe('parseExpectation properties', () => {
  it('reads back what printExpectation writes', () => {
    fc.assert(
      fc.property(expectation, (e) => {
        expect(withoutText(parseExpectation(printExpectation(e)))).toEqual(withoutText(e));
      }),
      RUNS,
    );
  });

  it('throws nothing but ExpectSyntaxError, pointing inside the text, and what it reads prints back to itself', () => {
    fc.assert(
      fc.property(nearlyExpressions, (text) => {
        let parsed: Expectation;
        try {
          parsed = parseExpectation(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpectSyntaxError);
          const position = (error as ExpectSyntaxError).position;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
          return;
        }
        expect(withoutText(parseExpectation(printExpectation(parsed)))).toEqual(withoutText(parsed));
      }),
      fuzzSettings(2000),
    );
  });
});
