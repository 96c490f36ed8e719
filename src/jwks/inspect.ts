import { severityRank, type Finding } from '../audit/rule.js';
import type { InspectError } from '../errors.js';
import { isRecord, NOT_A_JWKS } from '../keys/jwk.js';
import { PUBLIC_MEMBERS } from '../keys/public-key.js';
import { inspectKey, type JwksKey } from './key-info.js';
import { jwksFinding } from './rules.js';

/** What `jwt-inspect jwks` reports: every key listed, and what is wrong with the set. */
export interface JwksReport {
  /** The URL or file the set came from. */
  readonly source: string;
  readonly keys: readonly JwksKey[];
  /** Worst first. */
  readonly findings: readonly Finding[];
}

/** The entries of a JWKS (RFC 7517 §5), or of a lone JWK taken as a set of one; null when the document is neither. */
export function jwksEntries(doc: unknown): readonly unknown[] | null {
  if (isRecord(doc) && Array.isArray(doc['keys'])) return doc['keys'];
  if (isRecord(doc) && typeof doc['kty'] === 'string') return [doc];
  return null;
}

/** Real sets hold a handful of keys; listing more than this would take minutes and print gigabytes. */
export const MAX_JWKS_KEYS = 10_000;

/** The entries as jwksEntries finds them; `invalid` makes the error (network or file) for a document that holds none, or too many. */
export function readJwksEntries(doc: unknown, invalid: (message: string) => InspectError): readonly unknown[] {
  const entries = jwksEntries(doc);
  if (entries === null) throw invalid(NOT_A_JWKS);
  if (entries.length > MAX_JWKS_KEYS) throw invalid(`the set holds ${entries.length} keys; more than ${MAX_JWKS_KEYS} is not a key set anyone publishes, so it is refused`);
  return entries;
}

function duplicateKids(keys: readonly JwksKey[]): Finding[] {
  const byKid = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k.kid !== null) byKid.set(k.kid, [...(byKid.get(k.kid) ?? []), i]);
  });
  return [...byKid]
    .filter(([, at]) => at.length > 1)
    .map(([kid, at]) => jwksFinding('jwks-duplicate-kid', { path: `keys[${at[1]}]`, evidence: `kid ${JSON.stringify(kid)} at ${at.map((i) => `keys[${i}]`).join(', ')}` }));
}

/** List the keys of a set and flag bad ones, as of `now` (certificate validity). */
export async function inspectJwks(entries: readonly unknown[], source: string, now: number): Promise<JwksReport> {
  const amongPublicKeys = entries.some((entry) => isRecord(entry) && typeof entry['kty'] === 'string' && Object.hasOwn(PUBLIC_MEMBERS, entry['kty']));
  const inspected = await Promise.all(entries.map((entry, i) => inspectKey(entry, i, now, amongPublicKeys)));
  const keys = inspected.map((k) => k.key);
  const findings = [
    ...(entries.length === 0 ? [jwksFinding('jwks-empty', { evidence: '"keys": []' })] : []),
    ...inspected.flatMap((k) => k.findings),
    ...duplicateKids(keys),
  ];
  // Array.prototype.sort is stable: within a severity, the order of the keys.
  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return { source, keys, findings };
}
