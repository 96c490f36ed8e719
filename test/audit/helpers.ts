import { createHmac } from 'node:crypto';
import { encode } from 'jose/base64url';
import type { KeyFacts } from '../../src/audit/key-facts.js';
import { DEFAULT_LIFETIMES } from '../../src/audit/rules/lifetime.js';
import { runRules } from '../../src/audit/run.js';
import type { AuditContext, Finding } from '../../src/audit/rule.js';
import { inferTokenClass, type TokenClass } from '../../src/audit/token-class.js';
import { decodeToken } from '../../src/token/decode.js';
import type { FoundToken } from '../../src/token/extract.js';

/** The audit clock of every test: 2023-11-14T22:13:20Z. */
export const NOW = 1_700_000_000;

/** base64url of a JSON value, or of text as given (for hand-made malformed parts). */
export function part(value: unknown): string {
  return encode(typeof value === 'string' ? value : JSON.stringify(value));
}

/** 32 bytes: the size an HS256 or a psychic-free ES256 half expects. */
export const SIGNATURE_32 = encode(new Uint8Array(32).fill(7));

/** A compact JWS from a header and payload (objects or raw JSON text) and a signature part. */
export function jws(header: unknown, payload: unknown, signature = SIGNATURE_32): string {
  return `${part(header)}.${part(payload)}.${signature}`;
}

/** A correctly signed HS* token. */
export function hmacToken(payload: unknown, secret: string | Uint8Array, alg: 'HS256' | 'HS384' | 'HS512' = 'HS256', header: object = {}): string {
  const input = `${part({ alg, typ: 'JWT', ...header })}.${part(payload)}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

export interface AuditOptions {
  readonly now?: number;
  readonly skew?: number;
  readonly tokenClass?: TokenClass;
  readonly found?: Partial<FoundToken>;
  readonly showValues?: boolean;
  readonly secret?: Uint8Array;
  readonly key?: KeyFacts;
}

export function contextFor(compact: string, options: AuditOptions = {}): AuditContext {
  const token = decodeToken(compact);
  return {
    token,
    found: { token: compact, as: 'raw', name: null, ...options.found },
    now: options.now ?? NOW,
    skew: options.skew ?? 60,
    tokenClass: options.tokenClass ?? inferTokenClass(token.header, token.claims),
    classGiven: options.tokenClass !== undefined,
    lifetimes: DEFAULT_LIFETIMES,
    showValues: options.showValues ?? false,
    ...(options.secret ? { secret: options.secret } : {}),
    ...(options.key ? { key: options.key } : {}),
  };
}

export function audit(compact: string, options: AuditOptions = {}): Finding[] {
  return runRules(contextFor(compact, options));
}

/** The findings of one rule. */
export function hitsOf(id: string, compact: string, options: AuditOptions = {}): Finding[] {
  return audit(compact, options).filter((f) => f.id === id);
}

/** A header and claims complete enough that only the rule under test speaks up. */
export const QUIET_HEADER = { alg: 'HS256', typ: 'JWT', kid: 'k1' } as const;
export const QUIET_CLAIMS = { iss: 'https://idp.example.com', sub: 'u-1', aud: 'api://orders', iat: NOW - 60, exp: NOW + 600, jti: 'j-1' } as const;

/** A compact JWE with `dir` and an empty encrypted key; the other parts are placeholders. */
export function jwe(header: object = { alg: 'dir', enc: 'A256GCM' }, encryptedKey = ''): string {
  return `${part(header)}.${encryptedKey}.aXY.Y3Q.dGFn`;
}
