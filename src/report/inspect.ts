import { Buffer } from 'node:buffer';
import type { KeyFacts } from '../audit/key-facts.js';
import { DEFAULT_LIFETIMES } from '../audit/rules/lifetime.js';
import { runRules, sortFindings } from '../audit/run.js';
import type { AuditContext, Category, Finding, LifetimePolicy } from '../audit/rule.js';
import { inferTokenClass, type TokenClass } from '../audit/token-class.js';
import { timeReport, type TimeReport } from '../claims/times.js';
import { nestedToken, type DecodedToken, type TokenKind } from '../token/decode.js';
import type { FoundAs, FoundToken } from '../token/extract.js';
import type { JsonObject } from '../token/json.js';
import { encodeSegment } from '../token/segment.js';
import type { Opened } from '../verify/decrypt.js';

export type SourceFrom = 'argument' | 'stdin' | 'clipboard' | 'file';

export interface TokenSource {
  readonly from: SourceFrom;
  readonly as: FoundAs;
  readonly name: string | null;
  /** How many tokens the input held (one was chosen, first or by --pick). */
  readonly count: number;
}

export interface SignatureInfo {
  readonly alg: string | null;
  readonly bytes: number;
  readonly verified: boolean;
}

/** The decoded parts of a token as the JSON output shows them. */
export interface TokenParts {
  readonly header: JsonObject;
  readonly payload: JsonObject | null;
  /** A payload that is UTF-8 but not a JSON object. */
  readonly payloadText: string | null;
  /** A payload that is not even UTF-8. */
  readonly payloadBase64url: string | null;
  readonly signature: SignatureInfo | null;
}

/** The one result object that every renderer of decode, verify and audit reads. */
export interface InspectReport extends TokenParts {
  readonly token: { readonly kind: TokenKind; readonly bytes: number; readonly source: TokenSource };
  readonly time: TimeReport;
  readonly findings: readonly Finding[];
  readonly tokenClass: TokenClass;
  readonly inner: TokenParts | null;
  readonly decoded: DecodedToken;
}

export interface InspectOptions {
  readonly now: number;
  readonly leeway: number;
  readonly showValues?: boolean;
  readonly profile?: TokenClass;
  readonly lifetimes?: LifetimePolicy;
  readonly ignore?: ReadonlySet<string>;
  /** The key the user supplied (audit), for the key rules. */
  readonly key?: KeyFacts;
  /** The HMAC secret the user supplied (audit), for short-secret and password-like-secret. */
  readonly secret?: Uint8Array;
}

export function tokenParts(token: DecodedToken): TokenParts {
  const p = token.payloadPart;
  const notObject = p !== null && token.claims === null;
  return {
    header: token.header,
    payload: token.claims,
    payloadText: notObject && p.text !== null ? p.text : null,
    payloadBase64url: notObject && p.text === null ? token.segments[1]!.raw : null,
    signature: token.signature === null ? null : { alg: token.alg ?? null, bytes: token.signature.byteLength, verified: false },
  };
}

/** What decrypting and verifying found, for the report to show: both absent for decode and audit. */
export interface Checked {
  /** A JWE's contents, decrypted by decode or verify. */
  readonly opened?: Opened | null;
  /** Which signatures checked out: the token's own, and that of the token inside it. */
  readonly signatures?: { readonly token: boolean; readonly inner: boolean } | null;
}

export interface TokenInput {
  readonly from: SourceFrom;
  /** How many tokens the input held. */
  readonly count: number;
}

/**
 * The one place the result object is built: a decoded token, the rules run
 * over it, its times, and what decrypting and verifying found (the contents
 * of a JWE, which signatures checked out). decode, verify, audit and scan
 * all render what this returns.
 */
export function buildReport(decoded: DecodedToken, found: FoundToken, input: TokenInput, options: InspectOptions & Checked): InspectReport {
  const nested = nestedToken(decoded);
  const opened = options.opened ?? null;
  const inner = opened === null ? nested : opened.kind === 'nested' ? opened.token : null;
  // The lifetime and class rules read the claims that will be trusted: the inner ones when nested.
  const inferred = inferTokenClass(decoded.header, (nested ?? decoded).claims);
  const tokenClass = options.profile ?? inferred;
  const context = {
    ...sharedContext(options, tokenClass),
    token: decoded,
    found,
    ...(options.key ? { key: options.key } : {}),
    ...(options.secret ? { secret: options.secret } : {}),
  };
  const contents = opened === null ? null : openedContents(decoded, opened);
  const held =
    inner !== null
      ? innerFindings(inner, options, opened === null ? tokenClass : undefined)
      : contents?.readable
        ? claimFindings(contents.readable, options)
        : [];
  const innerParts = inner !== null ? tokenParts(inner) : (contents?.parts ?? null);
  const signatures = options.signatures ?? null;
  return {
    token: { kind: decoded.kind, bytes: Buffer.byteLength(found.token), source: { from: input.from, as: found.as, name: found.name, count: input.count } },
    ...marked(tokenParts(decoded), signatures?.token ?? false),
    time: timeReport(innerParts === null ? decoded.claims : innerParts.payload, options.now, options.leeway),
    findings: sortFindings([...runRules(context, options.ignore), ...held]),
    tokenClass,
    inner: innerParts === null ? null : marked(innerParts, signatures?.inner ?? false),
    decoded,
  };
}

function marked(parts: TokenParts, verified: boolean): TokenParts {
  return parts.signature === null ? parts : { ...parts, signature: { ...parts.signature, verified } };
}

/** The rules that read claims: a JWE's header was audited with the JWE itself. */
const CLAIM_CATEGORIES: ReadonlySet<Category> = new Set(['lifetime', 'sensitive-data']);

function claimFindings(readable: DecodedToken, options: InspectOptions): Finding[] {
  return innerFindings(readable, options).filter((f) => CLAIM_CATEGORIES.has(f.category));
}

/**
 * What a decrypted JWE holds that is not a JWT: its parts as decrypted, and
 * the JWE with its claims in place of the ciphertext, for the rules that
 * read claims (null when the plaintext is not a JSON object).
 */
function openedContents(token: DecodedToken, opened: Opened): { readonly parts: TokenParts; readonly readable: DecodedToken | null } | null {
  if (opened.kind !== 'plaintext') return null;
  const { claims, part, plaintext } = opened;
  const parts: TokenParts = {
    header: token.header,
    payload: claims,
    payloadText: claims === null ? part.text : null,
    payloadBase64url: claims === null && part.text === null ? Buffer.from(plaintext).toString('base64url') : null,
    signature: null,
  };
  return { parts, readable: claims === null ? null : { ...token, payloadPart: part, claims, payloadBytes: plaintext } };
}

/** Findings added after the rules ran (audit's wordlist), in the report's order. */
export function withFindings(report: InspectReport, extra: readonly Finding[]): InspectReport {
  return extra.length === 0 ? report : { ...report, findings: sortFindings([...report.findings, ...extra]) };
}

/** What the rules read besides the token and how it was held. */
function sharedContext(options: InspectOptions, tokenClass: TokenClass): Omit<AuditContext, 'token' | 'found'> {
  return {
    now: options.now,
    skew: options.leeway,
    tokenClass,
    classGiven: options.profile !== undefined,
    lifetimes: options.lifetimes ?? DEFAULT_LIFETIMES,
    showValues: options.showValues ?? false,
  };
}

/**
 * The findings of the token inside a nested JWT or a decrypted JWE, at
 * `inner.` paths. RFC 8725 §3.3: the inner token is validated too, so it is
 * audited as a bare token of its own; how the outer one was carried (a
 * cookie) and the key or secret given belong to the outer one. Its payload is
 * readable as soon as the outer one is (RFC 7519 §5.2), so decode marks and
 * --redact hides its sensitive claims like any other.
 */
function innerFindings(inner: DecodedToken, options: InspectOptions, tokenClass = options.profile ?? inferTokenClass(inner.header, inner.claims)): Finding[] {
  const context = { ...sharedContext(options, tokenClass), token: inner, found: { token: inner.compact, as: 'raw' as const, name: null } };
  return runRules(context, options.ignore).map((f) => ({ ...f, path: f.path === null ? 'inner' : `inner.${f.path}` }));
}

/** The claims that are trusted once the token is: the inner token's when nested or decrypted (RFC 7519 §7.2), else its own. */
export function trustedClaims(report: InspectReport): JsonObject | null {
  return report.inner?.payload ?? report.payload;
}

export function signatureBase64url(token: DecodedToken): string | null {
  return token.signature === null ? null : encodeSegment(token.signature);
}
