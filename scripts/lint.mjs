#!/usr/bin/env node
// Architecture lint: the rules a type checker cannot see. Exit 1 with one line per problem.
// `--write-architecture` rewrites ARCHITECTURE.md's "Layers" section from the layer matrix first.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkLayers, fileEdges, layersSection, withLayersSection } from './lint/check-layers.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');
/** @type {string[]} */
const problems = [];
/**
 * @param {string} file
 * @param {number} line
 * @param {string} message
 */
const report = (file, line, message) => problems.push(`${relative(root, file)}${line ? `:${line}` : ''}: ${message}`);

/**
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = walk(src);
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

// Only the I/O layer touches the process, the file system, the network, the clipboard and the clock.
// tsconfig's `types: ["node"]` declares Node's globals for every file, so the core's limits are kept here:
// outside src/io/, Node is reached only through the builtins below, imported by name, never through a global.
const IO_LAYER = /[/\\]src[/\\]io[/\\]/;
const CORE_BUILTINS = new Set(['node:crypto', 'node:buffer', 'node:timers', 'node:os', 'node:worker_threads']);
/** @type {ReadonlyArray<readonly [RegExp, string]>} */
const FORBIDDEN_IN_CORE = [
  [/\bprocess\.(?!exitCode\b)/, 'reads the process; pass it in through Io'],
  [/\bconsole\./, 'writes to the console; return data and let the renderer print it'],
  [/from ['"]clipboardy['"]/, 'imports clipboardy; only src/io/ may'],
  [/\bDate\.now\(|\bnew Date\(\)|\bperformance\./, 'reads the clock; take the instant from Io (--now)'],
  [/\bfetch\(/, 'uses the network; only src/io/ may'],
  [/\bglobalThis\b|\brequire\(|\b__(?:dirname|filename)\b/, 'reaches a Node global; import what it needs by name'],
];
/** Node globals the core may use only when imported by name, so that each use is visible. */
const GLOBALS_TO_IMPORT = [
  ['Buffer', 'node:buffer'],
  ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval'].map((name) => [name, 'node:timers']),
];
const BUILTIN_IMPORT = /from ['"]((?:node:)?[a-z_]+(?:\/[a-z_]+)?)['"]/g;
const NODE_BUILTINS = new Set(builtinModules);
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const COMMENTED_CODE = /^\s*\/\/\s*(?:(?:const|let|var|if|for|while|return|import|export|await|function)\b.*|.*;\s*)$/;

for (const [file, body] of text) {
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    if (COMMENTED_CODE.test(line)) report(file, i + 1, 'looks like commented-out code');
    if (/\bprocess\.exit\(/.test(line)) report(file, i + 1, 'calls process.exit; return an exit code from main instead');
    if (!IO_LAYER.test(file) && !/^\s*(?:\/\/|\*|\/\*)/.test(line)) {
      for (const [pattern, why] of FORBIDDEN_IN_CORE) if (pattern.test(line)) report(file, i + 1, why);
      for (const [, spec] of line.matchAll(BUILTIN_IMPORT)) {
        const name = /** @type {string} */ (spec).replace(/^node:/, '');
        if (NODE_BUILTINS.has(name) && !CORE_BUILTINS.has(`node:${name}`))
          report(file, i + 1, `imports ${spec}; outside src/io/ only ${[...CORE_BUILTINS].join(', ')}`);
      }
    }
  });
  if (!IO_LAYER.test(file)) {
    for (const [name, from] of GLOBALS_TO_IMPORT) {
      const used = new RegExp(`^(?!\\s*(?:\\/\\/|\\*|\\/\\*)).*(?<![.\\w'])${name}\\b`, 'm').test(body);
      const imported = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '${from}'`).test(body);
      if (used && !imported) report(file, 0, `uses the ${name} global; import { ${name} } from '${from}'`);
    }
  }
  for (const m of body.matchAll(IMPORT)) {
    const spec = /** @type {string} */ (m[1]);
    if (spec.startsWith('.') && !spec.endsWith('.js')) report(file, 0, `relative import '${spec}' needs a .js specifier`);
  }
}

// Start-up: what `jwt-inspect <token>` loads before it runs. Heavy modules must be imported lazily.
// node:fs and node:buffer cost nothing: Node's bootstrap has loaded them before any of ours runs. node:crypto,
// node:module and node:tty load on first touch (scripts/build/lazy-builtins.mjs); chalk only for colour.
const STARTUP_ALLOWED = new Set(['commander', 'chalk', 'node:fs', 'node:buffer', 'node:fs/promises', 'node:crypto', 'node:module', 'node:tty']);
const seen = new Set();
const queue = [join(src, 'cli/main.ts'), join(src, 'io/process-io.ts')];
while (queue.length > 0) {
  const file = /** @type {string} */ (queue.pop());
  if (seen.has(file)) continue;
  seen.add(file);
  const body = text.get(file);
  if (body === undefined) continue;
  for (const m of body.matchAll(IMPORT)) {
    const spec = /** @type {string} */ (m[1]);
    if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    else if (!STARTUP_ALLOWED.has(spec)) report(file, 0, `start-up path imports '${spec}' eagerly; import it inside the code that needs it`);
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = /VERSION = '([^']+)'/.exec(text.get(join(src, 'version.ts')) ?? '')?.[1];
if (version !== pkg.version) report(join(src, 'version.ts'), 0, `VERSION ${version} differs from package.json ${pkg.version}`);

// Layers: which folder of src/ may import which (scripts/lint/layers.mjs), and ARCHITECTURE.md drawn from it.
const layers = checkLayers(
  files.map((f) => relative(root, f).split(sep).join('/')),
  fileEdges(root, text),
);
problems.push(...layers.problems);
const architecture = join(root, 'ARCHITECTURE.md');
const doc = readFileSync(architecture, 'utf8');
const drawn = withLayersSection(doc, layersSection());
if (drawn !== doc) {
  if (process.argv.includes('--write-architecture')) {
    writeFileSync(architecture, drawn);
    console.log('lint: ARCHITECTURE.md "Layers" section rewritten from the matrix');
  } else report(architecture, 0, 'the "Layers" section differs from the matrix in scripts/lint/layers.mjs; run node scripts/lint.mjs --write-architecture');
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
const cycles = layers.knownCycles.length === 0 ? 'no folder cycle' : `folder cycles through them: ${layers.knownCycles.join(' ')}`;
console.log(`lint: ${layers.known} known back edges (KNOWN_BACK_EDGES in scripts/lint/layers.mjs); ${cycles}`);
console.log(`lint: ${files.length} files clean`);
