import type { HarLocation } from './collect.js';
import type { FoundToken } from '../token/extract.js';
import { TokenFinder } from './finder.js';
import { foundInField, harEntries, harFields, type HarObject } from './har.js';

/**
 * HAR files are JSON and are parsed whole, up to this size (browser exports
 * of a session are usually a few MiB). A larger one is scanned as text
 * instead: its tokens are still found, with line and column, but without
 * entry and field names, and memory stays bounded.
 */
export const HAR_PARSE_LIMIT = 64 * 1024 * 1024;

export interface ReadHar {
  readonly entries: HarObject[];
  readonly bytes: number;
}

const utf8 = new TextDecoder('utf-8');

/** The entries of a HAR file, or null when it is too big, not JSON, or not HAR 1.2. */
export async function readHar(chunks: AsyncIterable<Uint8Array>): Promise<ReadHar | null> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (bytes > HAR_PARSE_LIMIT) return null;
    parts.push(Buffer.from(chunk));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(utf8.decode(Buffer.concat(parts)));
  } catch {
    return null;
  }
  const entries = harEntries(doc);
  return entries === null ? null : { entries, bytes };
}

/** Every token in the fields of the entries, with the entry and field it was in. */
export function* tokensInHar(entries: readonly HarObject[], file: string): Generator<{ found: FoundToken; location: HarLocation }> {
  for (const field of harFields(entries)) {
    const finder = new TokenFinder();
    for (const m of [...finder.push(field.bytes), ...finder.end()]) {
      yield { found: foundInField(field, m.token), location: { file, entry: field.entry, field: field.field } };
    }
  }
}
