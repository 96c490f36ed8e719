import { JsonSyntaxError, parseJson, type JsonNode } from '../token/json.js';

/**
 * A value typed on the command line (`--expect sub=42`, `--claim admin=true`):
 * JSON when it parses as JSON (`42`, `true`, `"x"`, `[1,2]`), digits kept,
 * else the text itself as a string.
 */
export function jsonOrString(text: string): JsonNode {
  try {
    return parseJson(text).value;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { type: 'string', value: text };
    throw error;
  }
}
