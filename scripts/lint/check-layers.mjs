// The folder-level import graph of src/, checked against the layer matrix of layers.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { DECISIONS, EVERYWHERE, KNOWN_BACK_EDGES, LAYERS } from './layers.mjs';

// Required, not imported: an ESM import of typescript.js has Node scan all 9 MB of it for its export names first (about 1 s).
/** @type {typeof import('typescript')} */
const ts = createRequire(import.meta.url)('typescript');

/**
 * One file's imports of another file of src/, merged: type-only when every
 * import between the two is (`import type`, `export type`, `import('…').T`).
 * @typedef {{ from: string, to: string, typeOnly: boolean }} FileEdge
 */

/**
 * The relative specifiers a module imports, and whether each is for types only.
 * `import { type A }` counts as a value import: under verbatimModuleSyntax it
 * is kept, and loads the module, at run time.
 * @param {string} file
 * @param {string} text
 * @returns {{ spec: string, typeOnly: boolean }[]}
 */
function specifiersOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {{ spec: string, typeOnly: boolean }[]} */
  const found = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    }
  }
  /**
   * `import('…')` anywhere: a lazy load, or a type when written `import('…').T`.
   * @param {import('typescript').Node} node
   */
  const visit = (node) => {
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteralLike(arg)) found.push({ spec: arg.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  if (/\bimport\s*\(/.test(text)) visit(source);
  return found.filter((f) => f.spec.startsWith('.'));
}

/**
 * Every import of one file of src/ by another, by root-relative paths (`src/a/x.ts`).
 * @param {string} root
 * @param {ReadonlyMap<string, string>} texts absolute path to source text
 * @returns {FileEdge[]}
 */
export function fileEdges(root, texts) {
  /** @type {Map<string, FileEdge>} */
  const edges = new Map();
  for (const [file, text] of texts) {
    const from = relative(root, file).split(sep).join('/');
    for (const { spec, typeOnly } of specifiersOf(file, text)) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      const to = relative(root, existsSync(target) ? target : resolve(dirname(file), spec))
        .split(sep)
        .join('/');
      if (!to.startsWith('src/')) continue;
      const key = `${from} -> ${to}`;
      const seen = edges.get(key);
      edges.set(key, { from, to, typeOnly: typeOnly && (seen?.typeOnly ?? true) });
    }
  }
  return [...edges.values()];
}

/**
 * The layer a file of src/ belongs to: its folder, or its own name at the root.
 * @param {string} path `src/token/json.ts`
 */
export function layerOf(path) {
  return path.split('/')[1] ?? path;
}

const BY_NAME = new Map(LAYERS.map((layer) => [layer.name, layer]));

/**
 * How `from` may import `to`: freely, for types only, or not at all.
 * @param {string} from
 * @param {string} to
 * @returns {'yes' | 'types' | 'no'}
 */
function permission(from, to) {
  const layer = BY_NAME.get(from);
  if (layer === undefined) return 'no';
  if (layer.imports.includes(to) || (!EVERYWHERE.includes(from) && EVERYWHERE.includes(to))) return 'yes';
  return layer.typeImports?.includes(to) ? 'types' : 'no';
}

/**
 * The strongly connected components of more than one node (Tarjan).
 * @param {ReadonlyMap<string, ReadonlySet<string>>} graph
 * @returns {string[][]}
 */
function cycles(graph) {
  let next = 0;
  /** @type {Map<string, { index: number, low: number }>} */
  const marks = new Map();
  /** @type {string[]} */
  const stack = [];
  /** @type {string[][]} */
  const found = [];
  /** @param {string} node */
  const connect = (node) => {
    const mark = { index: next, low: next };
    next++;
    marks.set(node, mark);
    stack.push(node);
    for (const to of graph.get(node) ?? []) {
      const seen = marks.get(to);
      if (seen === undefined) {
        connect(to);
        mark.low = Math.min(mark.low, /** @type {{ low: number }} */ (marks.get(to)).low);
      } else if (stack.includes(to)) mark.low = Math.min(mark.low, seen.index);
    }
    if (mark.low !== mark.index) return;
    /** @type {string[]} */
    const component = [];
    for (;;) {
      const top = /** @type {string} */ (stack.pop());
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!marks.has(node)) connect(node);
  return found;
}

/**
 * A shortest way round a component, from its first node back to it: `a -> b -> a`.
 * @param {ReadonlyMap<string, ReadonlySet<string>>} graph
 * @param {readonly string[]} component
 */
function loopThrough(graph, component) {
  const start = /** @type {string} */ (component[0]);
  /** @type {Map<string, string>} */
  const parent = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = /** @type {string} */ (queue.shift());
    for (const to of [...(graph.get(node) ?? [])].sort()) {
      if (!component.includes(to) || parent.has(to)) continue;
      parent.set(to, node);
      if (to === start) {
        /** @type {string[]} */
        const path = [];
        for (let at = node; at !== start; at = /** @type {string} */ (parent.get(at))) path.unshift(at);
        return [start, ...path, start].join(' -> ');
      }
      queue.push(to);
    }
  }
  return component.join(', ');
}

/**
 * @param {readonly FileEdge[]} edges
 * @returns {Map<string, Set<string>>}
 */
function folderGraph(edges) {
  /** @type {Map<string, Set<string>>} */
  const graph = new Map();
  for (const { from, to } of edges) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === b) continue;
    const targets = graph.get(a) ?? new Set();
    graph.set(a, targets.add(b));
  }
  return graph;
}

/** Problems in the matrix itself: a layer that may import a later row (or no row), which would allow a cycle. */
function matrixProblems() {
  const rows = LAYERS.map((layer) => layer.name);
  return LAYERS.flatMap((layer, row) =>
    [...layer.imports, ...(layer.typeImports ?? [])]
      .filter((to) => !(rows.indexOf(to) >= 0 && rows.indexOf(to) < row))
      .map((to) => `scripts/lint/layers.mjs: ${layer.name} may import ${to}, which is not a layer on an earlier row`),
  );
}

/**
 * Check the files of src/ and their imports against the matrix.
 * @param {readonly string[]} files root-relative paths, `src/token/json.ts`
 * @param {readonly FileEdge[]} edges
 * @returns {{ problems: string[], known: number, knownCycles: string[] }}
 */
export function checkLayers(files, edges) {
  const problems = matrixProblems();
  const strays = new Set(files.map(layerOf).filter((name) => !BY_NAME.has(name)));
  for (const name of strays) problems.push(`src/${name}: not a layer; add it to LAYERS in scripts/lint/layers.mjs`);
  const known = new Map(KNOWN_BACK_EDGES.map(([from, to]) => [`${from} -> ${to}`, false]));
  if (known.size !== KNOWN_BACK_EDGES.length) problems.push('scripts/lint/layers.mjs: KNOWN_BACK_EDGES lists an import twice');
  for (const edge of edges) {
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (from === to || strays.has(from) || strays.has(to)) continue;
    const may = permission(from, to);
    if (may === 'yes' || (may === 'types' && edge.typeOnly)) continue;
    const key = `${edge.from} -> ${edge.to}`;
    if (known.has(key)) known.set(key, true);
    else {
      const why = may === 'types' ? `${from} may import ${to} for types only (import type)` : `${from} may not import ${to}`;
      problems.push(`${edge.from} imports ${edge.to}: ${why}${edge.typeOnly ? ' (by import type: still a dependency)' : ''}`);
    }
  }
  const present = new Set(edges.map((e) => `${e.from} -> ${e.to}`));
  for (const [key, used] of known) {
    if (used) continue;
    const why = present.has(key) ? 'the matrix allows it now' : 'that import is gone';
    problems.push(`scripts/lint/layers.mjs: KNOWN_BACK_EDGES lists ${key}, but ${why}: remove the entry`);
  }
  // With the matrix acyclic a cycle needs a back edge; one made of new imports alone fails here too.
  const fresh = edges.filter((e) => !known.has(`${e.from} -> ${e.to}`));
  const freshGraph = folderGraph(fresh);
  for (const component of cycles(freshGraph)) problems.push(`folder cycle in src/: ${loopThrough(freshGraph, component)}`);
  const graph = folderGraph(edges);
  const knownCycles = cycles(graph).map((component) => `{${component.join(', ')}}`);
  return { problems, known: known.size, knownCycles };
}

/** ARCHITECTURE.md's "Layers" section, made from the matrix. */
export function layersSection() {
  /** @param {string} name */
  const shown = (name) => (name.endsWith('.ts') ? `\`${name}\`` : `\`${name}/\``);
  const rows = LAYERS.map((layer) => {
    const may = [...layer.imports.map(shown), ...(layer.typeImports ?? []).map((name) => `${shown(name)} (types)`)];
    return `| ${shown(layer.name)} | ${layer.holds} | ${may.length === 0 ? 'nothing' : may.join(', ')} |`;
  });
  return [
    '## Layers',
    '',
    'Lowest first. A layer imports only the layers its row names, all of them',
    'on earlier rows, so the folders of `src/` form no cycle. Every layer may',
    `also import ${EVERYWHERE.map(shown).join(' and ')}; "(types)" means by \`import type\` only.`,
    '',
    '| layer | holds | may import |',
    '|---|---|---|',
    ...rows,
    '',
    ...DECISIONS.map((decision) => `- ${decision}`),
    '',
    '`npm run lint` checks every import in `src/`, type imports included, against',
    'this matrix (`scripts/lint/layers.mjs`) and fails on any other import and on',
    'any folder cycle. Imports that break it today are listed there in',
    '`KNOWN_BACK_EDGES`, each with the change that removes it; the list only',
    'shrinks, since an entry whose import is gone fails too. This section is',
    'generated from the matrix: `node scripts/lint.mjs --write-architecture`.',
    '',
  ].join('\n');
}

/**
 * The document with its "Layers" section replaced (or added at the end).
 * @param {string} doc
 * @param {string} section
 */
export function withLayersSection(doc, section) {
  const start = doc.search(/^## Layers$/m);
  if (start === -1) return `${doc.replace(/\n*$/, '\n')}\n${section}`;
  const rest = doc.slice(start + 1).search(/^## /m);
  const end = rest === -1 ? doc.length : start + 1 + rest;
  return `${doc.slice(0, start)}${section}${end === doc.length ? '' : '\n'}${doc.slice(end)}`;
}
