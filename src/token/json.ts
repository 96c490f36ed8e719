/**
 * A JSON parser faithful to the bytes: objects keep their member order and
 * every duplicate, numbers keep their digits. JSON.parse does neither: it
 * reorders integer-like keys, drops duplicates silently and rounds 64-bit ids.
 */

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;
export interface JsonObject {
  readonly type: 'object';
  readonly entries: ReadonlyArray<readonly [string, JsonNode]>;
}
export interface JsonArray {
  readonly type: 'array';
  readonly items: readonly JsonNode[];
}
export interface JsonString {
  readonly type: 'string';
  readonly value: string;
}
/** `raw` is the number exactly as written; `value` is its nearest double. */
export interface JsonNumber {
  readonly type: 'number';
  readonly raw: string;
  readonly value: number;
}
export interface JsonBoolean {
  readonly type: 'boolean';
  readonly value: boolean;
}
export interface JsonNull {
  readonly type: 'null';
}

export interface ParsedJson {
  readonly value: JsonNode;
  /** Paths of object members whose name was already used in the same object. */
  readonly duplicates: readonly string[];
}

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
  }
}

/** Deep enough for any real token; shallow enough that the parser cannot overflow the stack. */
const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parse strict RFC 8259 JSON text. Throws JsonSyntaxError on anything else. */
export function parseJson(text: string): ParsedJson {
  let pos = 0;
  const duplicates: string[] = [];

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, pos);
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else return;
    }
  };
  const expect = (ch: string): void => {
    if (text[pos] !== ch) fail(text[pos] === undefined ? `expected '${ch}' but the text ended` : `expected '${ch}'`);
    pos++;
  };

  const parseString = (): string => {
    expect('"');
    let out = '';
    let start = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          const m = e === undefined ? undefined : ESCAPES[e];
          if (m === undefined) fail('bad escape');
          out += m;
          pos += 2;
        }
        start = pos;
        continue;
      }
      pos++;
    }
  };

  const parseValue = (path: string, depth: number): JsonNode => {
    if (depth > MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    skipSpace();
    const c = text[pos];
    switch (c) {
      case '{': {
        pos++;
        const entries: Array<readonly [string, JsonNode]> = [];
        const seen = new Set<string>();
        skipSpace();
        if (text[pos] === '}') {
          pos++;
          return { type: 'object', entries };
        }
        for (;;) {
          skipSpace();
          const key = parseString();
          const childPath = memberPath(path, key);
          if (seen.has(key)) duplicates.push(childPath);
          seen.add(key);
          skipSpace();
          expect(':');
          entries.push([key, parseValue(childPath, depth + 1)]);
          skipSpace();
          if (text[pos] === ',') {
            pos++;
            continue;
          }
          expect('}');
          return { type: 'object', entries };
        }
      }
      case '[': {
        pos++;
        const items: JsonNode[] = [];
        skipSpace();
        if (text[pos] === ']') {
          pos++;
          return { type: 'array', items };
        }
        for (;;) {
          items.push(parseValue(`${path}[${items.length}]`, depth + 1));
          skipSpace();
          if (text[pos] === ',') {
            pos++;
            continue;
          }
          expect(']');
          return { type: 'array', items };
        }
      }
      case '"':
        return { type: 'string', value: parseString() };
      case 't':
        if (text.startsWith('true', pos)) {
          pos += 4;
          return { type: 'boolean', value: true };
        }
        return fail('unexpected token');
      case 'f':
        if (text.startsWith('false', pos)) {
          pos += 5;
          return { type: 'boolean', value: false };
        }
        return fail('unexpected token');
      case 'n':
        if (text.startsWith('null', pos)) {
          pos += 4;
          return { type: 'null' };
        }
        return fail('unexpected token');
      case undefined:
        return fail('unexpected end of text');
      default: {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (!m) return fail('unexpected character');
        pos += m[0].length;
        return { type: 'number', raw: m[0], value: Number(m[0]) };
      }
    }
  };

  const value = parseValue('', 0);
  skipSpace();
  if (pos !== text.length) fail('unexpected text after the JSON value');
  return { value, duplicates };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of a member: `a.b` for plain names, `a["https://x/roles"]` otherwise. */
export function memberPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The last member of that name, as a recipient that keeps the last one sees it (RFC 7515 §4). */
export function member(node: JsonNode | null | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i]!;
    if (entry[0] === key) return entry[1];
  }
  return undefined;
}

export function stringMember(node: JsonNode | null | undefined, key: string): string | undefined {
  const m = member(node, key);
  return m?.type === 'string' ? m.value : undefined;
}

/**
 * Plain JavaScript value (numbers as doubles, last duplicate wins).
 * Object.fromEntries defines own properties, so `__proto__` stays data.
 */
export function toPlain(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(node.entries.map(([k, v]) => [k, toPlain(v)]));
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** Build a node from a plain value (for values made by the tool, not read from a token). */
export function fromPlain(value: unknown): JsonNode {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number') return { type: 'number', raw: Number.isFinite(value) ? String(value) : 'null', value };
  if (Array.isArray(value)) return { type: 'array', items: value.map(fromPlain) };
  if (typeof value === 'object') {
    return { type: 'object', entries: Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromPlain(v)] as const) };
  }
  return { type: 'string', value: String(value) };
}
