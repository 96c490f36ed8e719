import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';

/**
 * The hostile inputs of issue 8, made once and shared by the hardening
 * suites: whole inputs, and JSON texts to put where a payload, a key set or
 * a key goes.
 */
export const NOW = ['--now', '1700000000'];

/** Bytes that are not UTF-8 (a lone 0xff, an overlong lead, a stray continuation byte). */
export const INVALID_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x2e, 0x80]);
/** Three dot-separated parts that are not base64url. */
export const INVALID_BASE64URL = 'eyJ!!!.%%%.***';
export const DEEP_ARRAYS = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
export const MILLION_CLAIMS = `{${Array.from({ length: 1_000_000 }, (_, i) => `"c${i}":${i}`).join(',')}}`;
/** Prototype-polluting names and a number past the largest double. */
export const PROTO_AND_HUGE_NUMBER = '{"__proto__":{"admin":true},"constructor":{"prototype":1},"exp":1e400}';
export const TEN_MB_CLAIMS = JSON.stringify({ blob: 'x'.repeat(10 * 1024 * 1024) });

let random: Buffer | undefined;
/** 100 MB of random bytes, made on first use and shared. */
export function hundredMegabytes(): Buffer {
  random ??= randomBytes(100 * 1024 * 1024);
  return random;
}

/** The contract's failure shape: one line on stderr that starts with the tool's name, and no stack trace. */
export function expectOneLineError(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^jwt-inspect: /);
  expect(stderr).not.toMatch(/\bat .*\.[cm]?[jt]s:\d+/);
}
