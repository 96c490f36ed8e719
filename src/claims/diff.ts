import { member, memberPath, type JsonNode, type JsonObject } from '../token/json.js';
import { jsonEqual } from './json-equal.js';
import { timeReport, type TimeClaim } from './times.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  /** `header.kid`, `payload.address.city`, `payload["https://x/roles"][0]`. */
  readonly path: string;
  readonly kind: ChangeKind;
  /** Null when added. */
  readonly before: JsonNode | null;
  /** Null when removed. */
  readonly after: JsonNode | null;
  /** For a claim compared as a set (scopes, roles): the members only the second token has, and only the first. */
  readonly members?: { readonly added: readonly JsonNode[]; readonly removed: readonly JsonNode[] };
}

/** One side of a diff: a header, and the claims (or the payload text, or null for a JWE's encrypted payload). */
export interface DiffSide {
  readonly header: JsonObject;
  readonly payload: JsonNode | null;
}

export interface TimeChange<T> {
  readonly before: T | null;
  readonly after: T | null;
}

export interface TokenDiff {
  readonly same: boolean;
  readonly changes: readonly Change[];
  readonly times: {
    readonly iat: TimeChange<TimeClaim>;
    readonly nbf: TimeChange<TimeClaim>;
    readonly exp: TimeChange<TimeClaim>;
    /** exp - iat, seconds. */
    readonly lifetime: TimeChange<number>;
  };
}

/** Claims whose order means nothing: RFC 8693 §4.2 scope, RFC 7519 §4.1.3 aud, RFC 8176 amr, and the usual role lists. */
const SET_CLAIMS = new Set(['scope', 'scp', 'roles', 'groups', 'permissions', 'aud', 'amr']);

/** `roles`, and namespaced ones: `https://example.com/roles`, `cognito:groups`. */
function isSetClaim(name: string): boolean {
  return SET_CLAIMS.has(name.split(/[/:]/).pop() ?? name);
}

/** The members of a set-like value: array items, or the words of a space-separated string (RFC 6749 §3.3). */
function setMembers(node: JsonNode): readonly JsonNode[] | null {
  if (node.type === 'array') return node.items;
  if (node.type === 'string')
    return node.value
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((value) => ({ type: 'string', value }) as const);
  return null;
}

function missingFrom(items: readonly JsonNode[], other: readonly JsonNode[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const item of items) {
    if (!other.some((o) => jsonEqual(o, item)) && !out.some((o) => jsonEqual(o, item))) out.push(item);
  }
  return out;
}

/** Compare two values at a path, adding what differs to `out`. */
function diffNode(path: string, name: string | null, a: JsonNode, b: JsonNode, out: Change[]): void {
  const aSet = name !== null && isSetClaim(name) ? setMembers(a) : null;
  const bSet = aSet === null ? null : setMembers(b);
  if (aSet !== null && bSet !== null) {
    const added = missingFrom(bSet, aSet);
    const removed = missingFrom(aSet, bSet);
    // The same members written another way (string or array) is still a change a consumer may trip on.
    if (added.length > 0 || removed.length > 0 || a.type !== b.type) out.push({ path, kind: 'changed', before: a, after: b, members: { added, removed } });
    return;
  }
  if (a.type === 'object' && b.type === 'object') return diffMembers(path, a, b, out);
  if (a.type === 'array' && b.type === 'array') {
    for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) diffPresence(`${path}[${i}]`, null, a.items[i], b.items[i], out);
    return;
  }
  if (!jsonEqual(a, b)) out.push({ path, kind: 'changed', before: a, after: b });
}

function diffPresence(path: string, name: string | null, a: JsonNode | undefined, b: JsonNode | undefined, out: Change[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) out.push({ path, kind: 'added', before: null, after: b! });
  else if (b === undefined) out.push({ path, kind: 'removed', before: a, after: null });
  else diffNode(path, name, a, b, out);
}

/** Members as a recipient reads them (the last of a duplicated name); the first token's order, then the second's new names. */
function diffMembers(path: string, a: JsonObject, b: JsonObject, out: Change[]): void {
  const names = new Set([...a.entries.map(([n]) => n), ...b.entries.map(([n]) => n)]);
  for (const name of names) diffPresence(memberPath(path, name), name, member(a, name), member(b, name), out);
}

function claimsOf(side: DiffSide): JsonObject | null {
  return side.payload?.type === 'object' ? side.payload : null;
}

/** A path at or below one of the ignored ones (`payload.iat`, `header`). */
function isIgnored(path: string, ignore: readonly string[]): boolean {
  return ignore.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/**
 * What changed from token `a` to token `b`: header members and claims
 * added, removed or changed, with nested paths; scope and role lists as
 * sets; and the times side by side. Member order is not a change. Changes
 * at or below an `ignore` path (as Change.path writes them) are left out.
 */
export function diffTokens(a: DiffSide, b: DiffSide, now: number, ignore: readonly string[] = []): TokenDiff {
  const found: Change[] = [];
  diffMembers('header', a.header, b.header, found);
  diffPresence('payload', null, a.payload ?? undefined, b.payload ?? undefined, found);
  const changes = found.filter((c) => !isIgnored(c.path, ignore));
  const before = timeReport(claimsOf(a), now, 0);
  const after = timeReport(claimsOf(b), now, 0);
  return {
    same: changes.length === 0,
    changes,
    times: {
      iat: { before: before.iat, after: after.iat },
      nbf: { before: before.nbf, after: after.nbf },
      exp: { before: before.exp, after: after.exp },
      lifetime: { before: before.lifetime, after: after.lifetime },
    },
  };
}
