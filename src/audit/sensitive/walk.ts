import { memberPath, type JsonNode, type JsonObject } from '../../token/json.js';

/** A scalar leaf with the name it sits under. */
export interface Leaf {
  /** `payload.address.street`, `payload.roles[0]`. */
  readonly path: string;
  /** The nearest object key (for array items, the parent's key); null at the root. */
  readonly key: string | null;
  readonly node: JsonNode;
  /** Depth below the root object: 1 for a top-level claim. */
  readonly depth: number;
}

/** AUDIT-RULES §1.6 guard: the walk stops at this depth and node count. */
export const WALK_LIMITS = { depth: 32, nodes: 10_000 } as const;

/** Every scalar leaf under a root object, depth- and count-limited so hostile payloads stay cheap. */
export function leaves(root: JsonObject, prefix: string): Leaf[] {
  const out: Leaf[] = [];
  let count = 0;
  const visit = (node: JsonNode, path: string, key: string | null, depth: number): void => {
    if (++count > WALK_LIMITS.nodes || depth > WALK_LIMITS.depth) return;
    if (node.type === 'object') {
      for (const [k, v] of node.entries) visit(v, memberPath(path, k), k, depth + 1);
    } else if (node.type === 'array') {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`, key, depth + 1));
    } else {
      out.push({ path, key, node, depth });
    }
  };
  visit(root, prefix, null, 0);
  return out;
}

/**
 * Whole-word tokens of a claim name: the last segment of a namespaced name
 * (`https://x/claims/email`, `cognito:username`), split on non-alphanumerics
 * and camelCase, lowercased. Whole tokens keep `keyboard` and `passport` clean.
 */
export function nameTokens(key: string): string[] {
  const last = key.split(/[/:]/).filter((s) => s !== '').at(-1) ?? key;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((t) => t !== '')
    .map((t) => t.toLowerCase());
}
