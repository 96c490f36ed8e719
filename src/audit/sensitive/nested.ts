import { decodeToken, type DecodedToken } from '../../token/decode.js';
import { isCompactToken } from '../../token/extract.js';
import { parseJson, type JsonNode } from '../../token/json.js';

/** docs/audit.md "Limits that protect the tool": strings longer than this are not parsed or searched past this point. */
export const MAX_SCANNED_STRING = 64 * 1024;

/** A string that holds a JSON object or array (≤ 64 KiB), parsed; else null. */
export function nestedJson(value: string): JsonNode | null {
  if (value.length > MAX_SCANNED_STRING || !/^\s*[[{]/.test(value)) return null;
  try {
    const { value: node } = parseJson(value.trim());
    return node.type === 'object' || node.type === 'array' ? node : null;
  } catch {
    return null;
  }
}

/**
 * A string that is a formally valid JWT: detect-secrets' jwt.py test, every
 * part decodes and the header and payload are JSON (a JWE's payload is
 * encrypted, so its header has to do).
 */
export function nestedJwt(value: string): DecodedToken | null {
  const text = value.trim();
  if (text.length > MAX_SCANNED_STRING || !isCompactToken(text)) return null;
  try {
    const token = decodeToken(text);
    if (token.segments.some((s) => s.bytes === null)) return null;
    return token.kind === 'JWE' || (token.payloadPart?.json ?? null) !== null ? token : null;
  } catch {
    return null;
  }
}
