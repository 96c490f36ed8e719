import type { JsonNode } from '../token/json.js';
import { nodeJsonText } from './json.js';

/** A value for a one-line message: compact JSON, terminal-safe, cut short with an ellipsis. */
export function shortJson(node: JsonNode, max = 120): string {
  const text = nodeJsonText(node, 0);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
