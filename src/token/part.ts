import { parseJson, type JsonNode } from './json.js';

/** A decoded JSON part (header or payload) with everything a strict reader objects to. */
export interface JsonPart {
  /** UTF-8 text, or null when the bytes are not valid UTF-8. */
  readonly text: string | null;
  readonly json: JsonNode | null;
  readonly jsonError: string | null;
  readonly duplicates: readonly string[];
  /** The text starts with a byte-order mark (RFC 8259 §8.1 forbids it). */
  readonly bom: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeJsonPart(bytes: Uint8Array): JsonPart {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { text: null, json: null, jsonError: 'not valid UTF-8', duplicates: [], bom: false };
  }
  const bom = text.startsWith('\ufeff');
  try {
    const parsed = parseJson(bom ? text.slice(1) : text);
    return { text, json: parsed.value, jsonError: null, duplicates: parsed.duplicates, bom };
  } catch (error) {
    return { text, json: null, jsonError: (error as Error).message, duplicates: [], bom };
  }
}
