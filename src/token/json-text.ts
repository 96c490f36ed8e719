import type { JsonNode } from './json.js';

/**
 * A node's JSON text on one line, faithful to the token: members in their
 * order, numbers with their digits, strings quoted as JSON.stringify quotes
 * them. The bytes sign writes and --expect compares; render/ escapes for the
 * terminal on top of this, never in it.
 */
export function nodeJsonText(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${nodeJsonText(v)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(nodeJsonText).join(',')}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.raw;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

/** A value for a one-line message: compact JSON, cut short with an ellipsis. */
export function shortJson(node: JsonNode, max = 120): string {
  const text = nodeJsonText(node);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
