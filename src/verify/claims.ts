import { relativeTime } from '../claims/relative.js';
import { isoTime } from '../claims/times.js';
import { member, stringMember, type JsonNode, type JsonObject } from '../token/json.js';
import type { VerificationError } from './result.js';

/** What the claims must satisfy: `--iss`, `--aud`, `--sub`, `--typ`, `--max-age`, `--require`, and the clock. */
export interface ClaimPolicy {
  readonly now: number;
  readonly leeway: number;
  readonly issuer: string | null;
  /** Any one of these; empty for no audience check. */
  readonly audience: readonly string[];
  readonly subject: string | null;
  readonly typ: string | null;
  readonly maxAge: number | null;
  readonly required: readonly string[];
}

const failed = (claim: string, message: string): VerificationError => ({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', message, claim });
const expired = (claim: string, message: string): VerificationError => ({ code: 'ERR_JWT_EXPIRED', message, claim });

/** A token value in a message: strings quoted, numbers as written. */
function shown(node: JsonNode | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.type === 'string') return JSON.stringify(node.value);
  if (node.type === 'number') return node.raw;
  if (node.type === 'array') return `[${node.items.map(shown).join(', ')}]`;
  if (node.type === 'object') return 'an object';
  return node.type === 'null' ? 'null' : String(node.value);
}

function when(seconds: number, now: number): string {
  return `${isoTime(seconds)}, ${relativeTime(seconds - now)}`;
}

/** RFC 7515 §4.1.9: `typ` may omit the `application/` prefix, so `JWT` and `application/jwt` match. */
function normalizeTyp(typ: string): string {
  const lower = typ.toLowerCase();
  return lower.includes('/') ? lower : `application/${lower}`;
}

interface Context {
  readonly header: JsonObject;
  readonly claims: JsonObject;
  readonly policy: ClaimPolicy;
}

type ClaimCheck = (c: Context) => VerificationError[];

/**
 * A NumericDate claim that is present must be a number (RFC 7519 §2), and a
 * finite one: `1e400` reads as Infinity, an `exp` that would never come.
 */
function numericDate(c: Context, name: string): number | VerificationError | undefined {
  const node = member(c.claims, name);
  if (node === undefined) return undefined;
  if (node.type !== 'number') return failed(name, `"${name}" claim must be a number, not ${shown(node)}`);
  return Number.isFinite(node.value) ? node.value : failed(name, `"${name}" claim must be a finite number of seconds, not ${node.raw}`);
}

/** RFC 7519 §4.1.1, §4.1.2: `iss` and `sub` are StringOrURI values, always strings. */
function stringOrUri(c: Context, name: string): VerificationError[] {
  const node = member(c.claims, name);
  return node === undefined || node.type === 'string'
    ? []
    : [failed(name, `"${name}" claim must be a string (StringOrURI, RFC 7519 §4.1), not ${shown(node)}`)];
}

/** RFC 7519 §4.1.3: `aud` is one StringOrURI or an array of them. */
function audienceShape(c: Context): VerificationError[] {
  const node = member(c.claims, 'aud');
  if (node === undefined || node.type === 'string' || (node.type === 'array' && node.items.every((i) => i.type === 'string'))) return [];
  return [failed('aud', `"aud" claim must be a string or an array of strings (RFC 7519 §4.1.3), not ${shown(node)}`)];
}

function expectString(c: Context, name: string, expected: string | null): VerificationError[] {
  const node = member(c.claims, name);
  // A value that is not a string has its own failure (stringOrUri).
  if (expected === null || node === undefined || node.type !== 'string' || node.value === expected) return [];
  return [failed(name, `unexpected "${name}" claim value: expected ${JSON.stringify(expected)}, got ${shown(node)}`)];
}

/** The checks in jose's order, each reporting its failures instead of stopping at the first. */
const CHECKS: readonly ClaimCheck[] = [
  ({ header, policy }) => {
    if (policy.typ === null) return [];
    const typ = stringMember(header, 'typ');
    if (typ !== undefined && normalizeTyp(typ) === normalizeTyp(policy.typ)) return [];
    return [failed('typ', `unexpected "typ" JWT header value: expected ${JSON.stringify(policy.typ)}, got ${shown(member(header, 'typ'))}`)];
  },
  ({ claims, policy }) => {
    const implied = [policy.issuer !== null && 'iss', policy.subject !== null && 'sub', policy.audience.length > 0 && 'aud', policy.maxAge !== null && 'iat'];
    const required = new Set([...policy.required, ...implied.filter((n): n is string => n !== false)]);
    return [...required].filter((name) => member(claims, name) === undefined).map((name) => failed(name, `missing required "${name}" claim`));
  },
  (c) => stringOrUri(c, 'iss'),
  (c) => stringOrUri(c, 'sub'),
  audienceShape,
  (c) => expectString(c, 'iss', c.policy.issuer),
  (c) => expectString(c, 'sub', c.policy.subject),
  (c) => {
    const { claims, policy } = c;
    const aud = member(claims, 'aud');
    if (policy.audience.length === 0 || aud === undefined || audienceShape(c).length > 0) return [];
    // RFC 7519 §4.1.3: one string, or an array in which one must match.
    const values = aud.type === 'string' ? [aud.value] : aud.type === 'array' ? aud.items.flatMap((i) => (i.type === 'string' ? [i.value] : [])) : [];
    if (values.some((v) => policy.audience.includes(v))) return [];
    return [failed('aud', `unexpected "aud" claim value: expected ${policy.audience.map((a) => JSON.stringify(a)).join(' or ')}, got ${shown(aud)}`)];
  },
  (c) => {
    // A token issued in the future was made with a wrong clock or to outlive its exp; PyJWT refuses it too.
    const iat = numericDate(c, 'iat');
    if (typeof iat === 'object') return [iat];
    if (iat === undefined || iat <= c.policy.now + c.policy.leeway) return [];
    return [failed('iat', `"iat" claim timestamp check failed (it should be in the past): issued ${when(iat, c.policy.now)}`)];
  },
  (c) => {
    // RFC 7519 §4.1.5: not accepted before nbf.
    const nbf = numericDate(c, 'nbf');
    if (typeof nbf === 'object') return [nbf];
    if (nbf === undefined || nbf <= c.policy.now + c.policy.leeway) return [];
    return [failed('nbf', `"nbf" claim timestamp check failed: not valid until ${when(nbf, c.policy.now)}`)];
  },
  (c) => {
    // RFC 7519 §4.1.4: not accepted on or after exp.
    const exp = numericDate(c, 'exp');
    if (typeof exp === 'object') return [exp];
    if (exp === undefined || exp > c.policy.now - c.policy.leeway) return [];
    return [expired('exp', `"exp" claim timestamp check failed: expired ${when(exp, c.policy.now)}`)];
  },
  (c) => {
    const { maxAge, now, leeway } = c.policy;
    const iat = numericDate(c, 'iat');
    if (maxAge === null || typeof iat !== 'number') return [];
    const age = now - iat;
    return age - leeway > maxAge
      ? [expired('iat', `"iat" claim timestamp check failed (too far in the past): issued ${when(iat, now)}, over --max-age ${maxAge}s`)]
      : [];
  },
];

/**
 * Every claim check that fails (RFC 7519 §7.2 step 10, the checks jose's
 * jwtVerify makes), all at once rather than the first only.
 */
export function checkClaims(header: JsonObject, claims: JsonObject | null, policy: ClaimPolicy): VerificationError[] {
  if (claims === null) return [{ code: 'ERR_JWT_INVALID', message: 'JWT Claims Set must be a top-level JSON object', claim: null }];
  return CHECKS.flatMap((check) => check({ header, claims, policy }));
}
