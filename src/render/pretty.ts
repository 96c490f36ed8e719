import type { JsonNode } from '../token/json.js';
import { memberPath } from '../token/json.js';
import { quoteJson } from './escape.js';
import type { Theme } from './theme.js';

/** Labels to show beside the lines of certain paths (`payload.password` → "◀ critical: ..."). */
export type Marks = ReadonlyMap<string, string>;

/**
 * Pretty JSON, coloured by kind of value, one line per member so that a
 * finding can be marked where its claim stands. Strings are terminal-safe.
 */
export function prettyLines(node: JsonNode, theme: Theme, marks: Marks, path: string, indent = 2): string[] {
  const lines: string[] = [];
  const pad = (level: number): string => ' '.repeat(indent * level);
  const mark = (p: string): string => {
    const m = marks.get(p);
    return m === undefined ? '' : `  ${m}`;
  };
  const scalar = (n: JsonNode): string => {
    switch (n.type) {
      case 'string':
        return theme.string(quoteJson(n.value));
      case 'number':
        return theme.number(n.raw);
      case 'boolean':
        return theme.literal(String(n.value));
      case 'null':
        return theme.literal('null');
      default:
        return theme.punct(n.type === 'object' ? '{}' : '[]');
    }
  };
  const isEmpty = (n: JsonNode): boolean => (n.type === 'object' && n.entries.length === 0) || (n.type === 'array' && n.items.length === 0);

  const visit = (n: JsonNode, p: string, level: number, prefix: string, comma: string): void => {
    if ((n.type === 'object' || n.type === 'array') && !isEmpty(n)) {
      const [open, close] = n.type === 'object' ? ['{', '}'] : ['[', ']'];
      lines.push(`${pad(level)}${prefix}${theme.punct(open)}${mark(p)}`);
      if (n.type === 'object') {
        n.entries.forEach(([k, v], i) =>
          visit(v, memberPath(p, k), level + 1, `${theme.key(quoteJson(k))}${theme.punct(':')} `, i < n.entries.length - 1 ? ',' : ''),
        );
      } else {
        n.items.forEach((v, i) => visit(v, `${p}[${i}]`, level + 1, '', i < n.items.length - 1 ? ',' : ''));
      }
      lines.push(`${pad(level)}${theme.punct(close)}${theme.punct(comma)}`);
      return;
    }
    lines.push(`${pad(level)}${prefix}${scalar(n)}${theme.punct(comma)}${mark(p)}`);
  };
  visit(node, path, 0, '', '');
  return lines;
}
