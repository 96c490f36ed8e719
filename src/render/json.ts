import type { JsonNode } from '../token/json.js';
import { quoteJson } from './escape.js';

/** A value the JSON renderer can print: plain data, or a faithful node from a token. */
export type Printable = JsonNode | PlainValue;
type PlainValue = string | number | boolean | null | undefined | readonly Printable[] | { readonly [key: string]: Printable };

const NODE_TYPES = new Set(['object', 'array', 'string', 'number', 'boolean', 'null']);

function isNode(value: object): value is JsonNode {
  const t = (value as { type?: unknown }).type;
  if (typeof t !== 'string' || !NODE_TYPES.has(t)) return false;
  return 'entries' in value || 'items' in value || 'value' in value || t === 'null';
}

/**
 * Serialise plain data with token nodes inside it: numbers from the token keep
 * their digits, members keep their order, strings are terminal-safe.
 */
export function toJsonText(value: Printable, indent = 2, level = 0): string {
  const nl = indent > 0 ? '\n' : '';
  const pad = (n: number): string => ' '.repeat(indent * n);
  const sep = indent > 0 ? ': ' : ':';
  const object = (entries: ReadonlyArray<readonly [string, Printable]>): string =>
    entries.length === 0
      ? '{}'
      : `{${nl}${entries.map(([k, v]) => `${pad(level + 1)}${quoteJson(k)}${sep}${toJsonText(v, indent, level + 1)}`).join(`,${nl}`)}${nl}${pad(level)}}`;
  const array = (items: readonly Printable[]): string =>
    items.length === 0 ? '[]' : `[${nl}${items.map((v) => pad(level + 1) + toJsonText(v, indent, level + 1)).join(`,${nl}`)}${nl}${pad(level)}]`;

  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quoteJson(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return array(value as readonly Printable[]);
  if (isNode(value)) {
    switch (value.type) {
      case 'object':
        return object(value.entries);
      case 'array':
        return array(value.items);
      case 'string':
        return quoteJson(value.value);
      case 'number':
        return value.raw;
      case 'boolean':
        return String(value.value);
      case 'null':
        return 'null';
    }
  }
  return object(Object.entries(value as Record<string, Printable>).filter(([, v]) => v !== undefined));
}
