#!/usr/bin/env node
// Architecture lint: the rules a type checker cannot see. Exit 1 with one line per problem.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');
const problems = [];
const report = (file, line, message) => problems.push(`${relative(root, file)}${line ? `:${line}` : ''}: ${message}`);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = walk(src);
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

// Only the I/O layer touches the process, the file system, the network and the clipboard.
const IO_LAYER = /[/\\]src[/\\]io[/\\]/;
const FORBIDDEN_IN_CORE = [
  [/\bprocess\.(?!exitCode\b)/, 'reads the process; pass it in through Io'],
  [/\bconsole\./, 'writes to the console; return data and let the renderer print it'],
  [/from ['"](?:node:)?(?:fs|fs\/promises|http|https|http2|tls|dgram|child_process)['"]/, 'does I/O; only src/io/ may'],
  [/from ['"]clipboardy['"]/, 'imports clipboardy; only src/io/ may'],
];
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const COMMENTED_CODE = /^\s*\/\/\s*(?:(?:const|let|var|if|for|while|return|import|export|await|function)\b.*|.*;\s*)$/;

for (const [file, body] of text) {
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    if (COMMENTED_CODE.test(line)) report(file, i + 1, 'looks like commented-out code');
    if (/\bprocess\.exit\(/.test(line)) report(file, i + 1, 'calls process.exit; return an exit code from main instead');
    if (!IO_LAYER.test(file) && !/^\s*(?:\/\/|\*|\/\*)/.test(line)) {
      for (const [pattern, why] of FORBIDDEN_IN_CORE) if (pattern.test(line)) report(file, i + 1, why);
    }
  });
  for (const m of body.matchAll(IMPORT)) {
    const spec = m[1];
    if (spec.startsWith('.') && !spec.endsWith('.js')) report(file, 0, `relative import '${spec}' needs a .js specifier`);
  }
}

// Start-up: what `jwt-inspect <token>` loads before it runs. Heavy modules must be imported lazily.
// node:fs costs nothing: Node's own module loader has loaded it before any of ours runs. node:crypto,
// node:module and node:tty load on first touch (scripts/build/lazy-builtins.mjs); chalk only for colour.
const STARTUP_ALLOWED = new Set(['commander', 'chalk', 'node:fs', 'node:fs/promises', 'node:crypto', 'node:module', 'node:tty']);
const seen = new Set();
const queue = [join(src, 'cli/main.ts'), join(src, 'io/process-io.ts')];
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const body = text.get(file);
  if (body === undefined) continue;
  for (const m of body.matchAll(IMPORT)) {
    const spec = m[1];
    if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    else if (!STARTUP_ALLOWED.has(spec)) report(file, 0, `start-up path imports '${spec}' eagerly; import it inside the code that needs it`);
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = /VERSION = '([^']+)'/.exec(text.get(join(src, 'version.ts')) ?? '')?.[1];
if (version !== pkg.version) report(join(src, 'version.ts'), 0, `VERSION ${version} differs from package.json ${pkg.version}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`lint: ${files.length} files clean`);
