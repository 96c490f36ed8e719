import type { JsonNode } from '../token/json.js';
import { quoteJson } from './escape.js';

const FAITHFUL = Symbol('faithful JSON node');

/** A node from a token inside plain data, marked so that it is printed as the token wrote it and never mistaken for plain data with a `type` member. */
export interface Faithful {
  readonly [FAITHFUL]: JsonNode;
}

export function faithful(node: JsonNode): Faithful {
  return { [FAITHFUL]: node };
}

/** faithful(node), or null where there is no node. */
export function faithfulOrNull(node: JsonNode | null | undefined): Faithful | null {
  return node === null || node === undefined ? null : faithful(node);
}

/** A value the JSON renderer can print: plain data, with faithful nodes from a token inside it. */
export type Printable = Faithful | PlainValue;
type PlainValue = string | number | boolean | null | undefined | readonly Printable[] | { readonly [key: string]: Printable };
type PlainObject = { readonly [key: string]: Printable };

/** How a value is laid out: `indent` spaces per level (0: one line), the value standing at `level`. */
interface Layout {
  /** Before each member or item: a newline and the padding of the level inside. */
  readonly lead: string;
  /** After the last member or item: a newline and the padding of this level. */
  readonly close: string;
  readonly colon: string;
}

const ONE_LINE: Layout = { lead: '', close: '', colon: ':' };
/** By indent, then level: a scan document lays out tens of thousands of values the same few ways. */
const LAYOUTS: Layout[][] = [];

function layoutAt(indent: number, level: number): Layout {
  if (indent === 0) return ONE_LINE;
  const byLevel = (LAYOUTS[indent] ??= []);
  return (byLevel[level] ??= { lead: `\n${' '.repeat(indent * (level + 1))}`, close: `\n${' '.repeat(indent * level)}`, colon: ': ' });
}

/** Pieces gathered before they are handed on, when the text goes out as it is made. */
const PIECES_PER_WRITE = 8192;

/**
 * Writes a value's JSON text as pieces into a list, joined when handed on:
 * each result is one flat string, where `+=` would leave a tree of pieces
 * that takes several times the memory (a scan prints thousands). With `write`,
 * the text goes out as it is made, so a large document is never one string.
 */
class JsonWriter {
  out: string[] = [];

  constructor(
    readonly indent: number,
    readonly write: ((text: string) => void) | null = null,
  ) {}

  /** Hand on what is gathered, once there is enough of it. */
  flush(atLeast: number): void {
    if (this.write === null || this.out.length < atLeast) return;
    this.write(this.out.join(''));
    this.out = [];
  }

  value(value: Printable, level: number): void {
    if (value === null || value === undefined) this.out.push('null');
    else if (typeof value === 'string') this.out.push(quoteJson(value));
    else if (typeof value === 'number') this.out.push(Number.isFinite(value) ? String(value) : 'null');
    else if (typeof value === 'boolean') this.out.push(String(value));
    else if (Array.isArray(value)) this.items(value as readonly Printable[], level);
    else if (FAITHFUL in value) this.node(value[FAITHFUL], level);
    else this.plainObject(value as PlainObject, level);
  }

  node(node: JsonNode, level: number): void {
    switch (node.type) {
      case 'object':
        return this.entries(node.entries, level);
      case 'array':
        return this.items(node.items.map(faithful), level);
      case 'string':
        this.out.push(quoteJson(node.value));
        return;
      case 'number':
        this.out.push(node.raw);
        return;
      case 'boolean':
        this.out.push(String(node.value));
        return;
      case 'null':
        this.out.push('null');
    }
  }

  items(items: readonly Printable[], level: number): void {
    if (items.length === 0) {
      this.out.push('[]');
      return;
    }
    const l = layoutAt(this.indent, level);
    for (let i = 0; i < items.length; i++) {
      this.out.push(i === 0 ? '[' : ',', l.lead);
      this.value(items[i], level + 1);
      this.flush(PIECES_PER_WRITE);
    }
    this.out.push(l.close, ']');
  }

  entries(entries: ReadonlyArray<readonly [string, JsonNode]>, level: number): void {
    if (entries.length === 0) {
      this.out.push('{}');
      return;
    }
    const l = layoutAt(this.indent, level);
    for (let i = 0; i < entries.length; i++) this.member(i === 0 ? '{' : ',', entries[i]![0], faithful(entries[i]![1]), level, l);
    this.out.push(l.close, '}');
  }

  plainObject(value: PlainObject, level: number): void {
    const l = layoutAt(this.indent, level);
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v === undefined) continue;
      this.member(first ? '{' : ',', key, v, level, l);
      first = false;
    }
    this.out.push(first ? '{}' : `${l.close}}`);
  }

  member(before: string, key: string, value: Printable, level: number, l: Layout): void {
    this.out.push(before, l.lead, quoteJson(key), l.colon);
    this.value(value, level + 1);
  }
}

/**
 * Serialise plain data with token nodes inside it: numbers from the token keep
 * their digits, members keep their order, strings are terminal-safe. Members
 * whose value is undefined are left out.
 */
export function toJsonText(value: Printable, indent = 2, level = 0): string {
  const writer = new JsonWriter(indent);
  writer.value(value, level);
  return writer.out.join('');
}

/** toJsonText, handed to `write` in pieces as it is made: a large document is never one string in memory. */
export function writeJsonText(value: Printable, write: (text: string) => void, indent = 2): void {
  const writer = new JsonWriter(indent, write);
  writer.value(value, 0);
  writer.flush(1);
}

/** A token node's JSON text, faithful to its bytes and terminal-safe. */
export function nodeJsonText(node: JsonNode, indent = 2): string {
  return toJsonText(faithful(node), indent);
}
