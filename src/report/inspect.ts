import type { KeyFacts } from '../audit/key-facts.js';
import { DEFAULT_LIFETIMES } from '../audit/rules/lifetime.js';
import { runRules, sortFindings } from '../audit/run.js';
import type { AuditContext, Finding, LifetimePolicy } from '../audit/rule.js';
import { inferTokenClass, type TokenClass } from '../audit/token-class.js';
import { timeReport, type TimeReport } from '../claims/times.js';
import { decodeToken, nestedToken, type DecodedToken, type TokenKind } from '../token/decode.js';
import type { FoundAs, FoundToken } from '../token/extract.js';
import type { JsonObject } from '../token/json.js';
import { encodeSegment } from '../token/segment.js';

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
    signature:
      token.signature === null ? null : { alg: token.alg ?? null, bytes: token.signature.byteLength, verified: false },
  };
}

/** Decode a found token and run the rules over it: the data behind decode and audit. */
export function inspectToken(found: FoundToken, input: { readonly from: SourceFrom; readonly count: number }, options: InspectOptions): InspectReport {
  const decoded = decodeToken(found.token);
  const inner = nestedToken(decoded);
  // The lifetime and class rules read the claims that will be trusted: the inner ones when nested.
  const claimsOf = inner ?? decoded;
  const inferred = inferTokenClass(decoded.header, claimsOf.claims);
  const tokenClass = options.profile ?? inferred;
  const context = {
    ...sharedContext(options, tokenClass),
    token: decoded,
    found,
    ...(options.key ? { key: options.key } : {}),
    ...(options.secret ? { secret: options.secret } : {}),
  };
  const findings = sortFindings([...runRules(context, options.ignore), ...(inner ? innerFindings(inner, options, tokenClass) : [])]);
  return {
    token: { kind: decoded.kind, bytes: Buffer.byteLength(found.token), source: { from: input.from, as: found.as, name: found.name, count: input.count } },
    ...tokenParts(decoded),
    time: timeReport(claimsOf.claims, options.now, options.leeway),
    findings,
    tokenClass,
    inner: inner ? tokenParts(inner) : null,
    decoded,
  };
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
export function innerFindings(inner: DecodedToken, options: InspectOptions, tokenClass = options.profile ?? inferTokenClass(inner.header, inner.claims)): Finding[] {
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
