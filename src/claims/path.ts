import { member, type JsonNode, type JsonObject } from '../token/json.js';

export type PathSegment = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'index'; readonly index: number };

export interface ClaimPath {
  /** `header.` paths look in the header, all others in the payload. */
  readonly root: 'header' | 'payload';
  readonly segments: readonly PathSegment[];
}

export class PathSyntaxError extends Error {
  override readonly name = 'PathSyntaxError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/**
 * Parse a claim path: dot-separated names, `[n]` for array items and
 * `["..."]` for names holding dots or slashes (`["https://example.com/roles"]`).
 * Stops at the first character that cannot continue the path and returns
 * where it stopped, so expressions can put an operator there.
 */
export function parseClaimPath(text: string, start = 0): { path: ClaimPath; end: number } {
  const segments: PathSegment[] = [];
  let pos = start;
  const fail = (message: string): never => {
    throw new PathSyntaxError(message, pos);
  };
  const name = (): void => {
    const m = /[^.[\]=!~<>\s]+/y;
    m.lastIndex = pos;
    const found = m.exec(text);
    if (!found) fail('expected a claim name');
    segments.push({ kind: 'name', name: found![0] });
    pos += found![0].length;
  };
  const bracket = (): void => {
    pos++;
    if (text[pos] === '"') {
      let end = pos + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) fail('unterminated "..." in [ ]');
      let value: string;
      try {
        value = JSON.parse(text.slice(pos, end + 1)) as string;
      } catch {
        return fail('bad escape inside "..."');
      }
      segments.push({ kind: 'name', name: value });
      pos = end + 1;
    } else {
      const m = /\d+/y;
      m.lastIndex = pos;
      const found = m.exec(text);
      if (!found) fail('expected an array index or a "quoted name" inside [ ]');
      segments.push({ kind: 'index', index: Number(found![0]) });
      pos += found![0].length;
    }
    if (text[pos] !== ']') fail("expected ']'");
    pos++;
  };

  if (text[pos] === '[') bracket();
  else name();
  for (;;) {
    if (text[pos] === '.') {
      pos++;
      if (text[pos] === '[') bracket();
      else name();
    } else if (text[pos] === '[') bracket();
    else break;
  }
  const first = segments[0];
  const inHeader = first?.kind === 'name' && first.name === 'header' && segments.length > 1;
  return { path: { root: inHeader ? 'header' : 'payload', segments: inHeader ? segments.slice(1) : segments }, end: pos };
}

/** Parse a whole string as one claim path. */
export function parsePathExactly(text: string): ClaimPath {
  const { path, end } = parseClaimPath(text);
  if (end !== text.length) throw new PathSyntaxError(`unexpected '${text[end]}'`, end);
  return path;
}

/** The node a path points at, or undefined when any step is missing. */
export function resolvePath(path: ClaimPath, header: JsonObject, payload: JsonObject | null): JsonNode | undefined {
  let node: JsonNode | undefined = path.root === 'header' ? header : (payload ?? undefined);
  for (const seg of path.segments) {
    if (node === undefined) return undefined;
    if (seg.kind === 'name') node = member(node, seg.name);
    else node = node.type === 'array' ? node.items[seg.index] : undefined;
  }
  return node;
}
