import { memberPath, type JsonNode, type JsonObject } from '../../token/json.js';

/** One node of a walked JSON tree, with the name it sits under. */
export interface Visit {
  /** `payload.address.street`, `payload.roles[0]`. */
  readonly path: string;
  /** The nearest object key (for array items, the parent's key); null at the root. */
  readonly key: string | null;
  /** The top-level member this node sits under (`address` for `payload.address.street`); null at the root. */
  readonly topKey: string | null;
  readonly node: JsonNode;
  /** Depth below the root object: 1 for a top-level claim. */
  readonly depth: number;
  /** The node is an object member's value (not an array item, not the root). */
  readonly isMember: boolean;
}

/** docs/audit.md "Limits that protect the tool": the walk stops at this depth and node count, so hostile payloads stay cheap. */
const WALK_LIMITS = { depth: 32, nodes: 10_000 } as const;

/** Nodes left to visit; share one between walks of the same token so nested documents count too. */
export interface WalkBudget {
  nodes: number;
}

export function walkBudget(): WalkBudget {
  return { nodes: WALK_LIMITS.nodes };
}

/** Every node under a root, in document order, within the depth limit and the budget. */
export function walkNodes(root: JsonNode, prefix: string, budget: WalkBudget = walkBudget()): Visit[] {
  const out: Visit[] = [];
  const visit = (node: JsonNode, path: string, key: string | null, topKey: string | null, depth: number, isMember: boolean): void => {
    if (budget.nodes <= 0 || depth > WALK_LIMITS.depth) return;
    budget.nodes--;
    out.push({ path, key, topKey, node, depth, isMember });
    if (node.type === 'object') {
      for (const [k, v] of node.entries) visit(v, memberPath(path, k), k, topKey ?? k, depth + 1, true);
    } else if (node.type === 'array') {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`, key, topKey, depth + 1, false));
    }
  };
  visit(root, prefix, null, null, 0, false);
  return out;
}

/** Every scalar leaf under a root object. */
export function leaves(root: JsonObject, prefix: string, budget?: WalkBudget): Visit[] {
  return walkNodes(root, prefix, budget).filter((v) => v.node.type !== 'object' && v.node.type !== 'array');
}

const MAX_NAME_LENGTH = 256;

/** The last segment of a namespaced claim name (`https://x/roles`, `cognito:groups`). */
export function lastSegment(key: string): string {
  return (
    key
      .split(/[/:]/)
      .filter((s) => s !== '')
      .at(-1) ?? key
  );
}

/**
 * Whole-word tokens of a claim name: the last segment of a namespaced name
 * (`https://x/claims/email`, `cognito:username`), split on non-alphanumerics
 * and camelCase, lowercased. Whole tokens keep `keyboard` and `passport` clean.
 */
export function nameTokens(key: string): string[] {
  // No real claim name is longer; the cap keeps the camelCase split linear on hostile keys.
  const name = key.slice(0, MAX_NAME_LENGTH);
  return lastSegment(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((t) => t !== '')
    .map((t) => t.toLowerCase());
}
