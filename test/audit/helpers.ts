// The audit context of the rule tests; the tokens they audit come from ../helpers/tokens.ts.
import type { KeyFacts } from '../../src/audit/key-facts.js';
import { DEFAULT_LIFETIMES } from '../../src/audit/rules/lifetime.js';
import { runRules } from '../../src/audit/run.js';
import type { AuditContext, Finding } from '../../src/audit/rule.js';
import { inferTokenClass, type TokenClass } from '../../src/audit/token-class.js';
import { decodeToken } from '../../src/token/decode.js';
import type { FoundToken } from '../../src/token/extract.js';

/** The audit clock of every test: 2023-11-14T22:13:20Z. */
export const NOW = 1_700_000_000;

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
