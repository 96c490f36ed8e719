#!/usr/bin/env node
// npm run rules: rewrite the rule list in README.md (between its rules markers) from the rule table,
// so that the README cannot drift from src/audit. The TypeScript is bundled by esbuild into a temporary
// module first, as the build does; test/render/rules-markdown.test.ts fails when the README is stale.
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const temp = mkdtempSync(join(tmpdir(), 'jwt-inspect-rules-'));
try {
  const outfile = join(temp, 'rules.mjs');
  buildSync({
    stdin: {
      contents: "export { ruleCatalogue } from './src/audit/catalogue.ts'; export { rulesMarkdown, withRulesBlock } from './src/render/rules-markdown.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const { ruleCatalogue, rulesMarkdown, withRulesBlock } = await import(pathToFileURL(outfile).href);
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const rules = ruleCatalogue();
  const updated = withRulesBlock(readme, rulesMarkdown(rules));
  if (updated === readme) console.log(`README.md: the rule list (${rules.length} rules) is up to date`);
  else {
    writeFileSync(path, updated);
    console.log(`README.md: rule list rewritten (${rules.length} rules)`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
