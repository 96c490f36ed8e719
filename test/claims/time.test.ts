import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, parseDuration } from '../../src/claims/duration.js';
import { parseInstant } from '../../src/claims/instant.js';
import { relativeTime } from '../../src/claims/relative.js';
import { timeReport } from '../../src/claims/times.js';
import { parseJson, type JsonObject } from '../../src/token/json.js';

const claims = (json: string) => parseJson(json).value as JsonObject;

describe('durations', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['12h', 43200],
    ['7d', 604800],
    ['2w', 1209600],
    ['1.5h', 5400],
  ])('%s is %d seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', '15x', '-5m', 'm', '1e3', '15 m m'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeNull());

  it('property: formatDuration round trips through parseDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (n) => {
        expect(parseDuration(formatDuration(n))).toBe(n);
      }),
      fuzzSettings(500),
    );
  });
});

describe('instants', () => {
  it.each([
    ['1700000000', 1700000000],
    ['1700000000.5', 1700000000.5],
    ['2023-11-14T22:13:20Z', 1700000000],
    ['2023-11-14T22:13:20', 1700000000],
    ['2023-11-14T23:13:20+01:00', 1700000000],
    ['2023-11-14', 1699920000],
  ])('%s', (text, seconds) => expect(parseInstant(text)).toBe(seconds));

  it.each(['yesterday', '2023-13-45T00:00:00Z', '14/11/2023', ''])('%j is refused', (text) => expect(parseInstant(text)).toBeNull());
});

describe('relativeTime', () => {
  it.each([
    [0, 'now'],
    [59, 'in 59 seconds'],
    [-60, '1 minute ago'],
    [840, 'in 14 minutes'],
    [-3 * 86400, '3 days ago'],
    [400 * 86400, 'in 1 year'],
  ])('%d → %s', (s, text) => expect(relativeTime(s)).toBe(text));
});

describe('timeReport', () => {
  const now = 1_700_000_000;
  it.each([
    ['{"exp":1700000001}', 0, 'valid'],
    ['{"exp":1700000000}', 0, 'expired'],
    ['{"exp":1699999990}', 30, 'valid'],
    ['{"nbf":1700000100,"exp":1700009999}', 0, 'not-yet-valid'],
    ['{"nbf":1700000100,"exp":1700009999}', 120, 'valid'],
    ['{"iat":1}', 0, 'no-expiry'],
    ['{"exp":"1700009999"}', 0, 'no-expiry'],
  ])('%s with leeway %d is %s', (json, leeway, status) => expect(timeReport(claims(json), now, leeway).status).toBe(status));

  it('reports fractional dates, expiresIn and lifetime', () => {
    const r = timeReport(claims('{"iat":1699999100.5,"exp":1700000900.5}'), now, 0);
    expect(r.expiresIn).toBe(900.5);
    expect(r.lifetime).toBe(1800);
    expect(r.exp?.iso).toBe('2023-11-14T22:28:20.500Z');
  });
});
