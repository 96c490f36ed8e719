import type { Finding } from '../audit/rule.js';
import { jwksSetRules } from '../audit/rules/jwks.js';
import { runTable, sortFindings } from '../audit/run.js';
import { InspectError } from '../errors.js';
import { isRecord, NOT_A_JWKS } from '../keys/jwk.js';
import { PUBLIC_MEMBERS } from '../keys/public-key.js';
import { inspectKey, type JwksKey } from './key-info.js';

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
const MAX_JWKS_KEYS = 10_000;

/** The entries as jwksEntries finds them; `invalid` makes the error (network or file) for a document that holds none, or too many. */
export function readJwksEntries(doc: unknown, invalid: (message: string) => InspectError): readonly unknown[] {
  const entries = jwksEntries(doc);
  if (entries === null) throw invalid(NOT_A_JWKS);
  if (entries.length > MAX_JWKS_KEYS)
    throw invalid(`the set holds ${entries.length} keys; more than ${MAX_JWKS_KEYS} is not a key set anyone publishes, so it is refused`);
  return entries;
}

/** The entries of a set read from a file or stdin (`where` names it in errors). */
export function parseJwksBytes(bytes: Uint8Array, where: string): readonly unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    // JSON.parse quotes the text it choked on, which may be key material: say only where.
    throw new InspectError('ERR_BAD_JSON', `${where}: not JSON; expected a JWKS document`, { cause });
  }
  return readJwksEntries(doc, (message) => new InspectError('ERR_BAD_KEY', `${where}: ${message}`));
}

/** List the keys of a set and flag bad ones, as of `now` (certificate validity). */
export async function inspectJwks(entries: readonly unknown[], source: string, now: number): Promise<JwksReport> {
  const amongPublicKeys = entries.some((entry) => isRecord(entry) && typeof entry['kty'] === 'string' && Object.hasOwn(PUBLIC_MEMBERS, entry['kty']));
  const inspected = await Promise.all(entries.map((entry, i) => inspectKey(entry, i, now, amongPublicKeys)));
  const keys = inspected.map((k) => k.key);
  // Within a severity: the keys in order, then what is wrong with the set as a whole.
  const findings = sortFindings([...inspected.flatMap((k) => k.findings), ...runTable(jwksSetRules, { kids: keys.map((k) => k.kid) })]);
  return { source, keys, findings };
}
