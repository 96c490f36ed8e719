#!/usr/bin/env node
// npm run rules: rewrite the README's generated rule tables (each between its markers) from the rule
// catalogue, so that the README cannot drift from src/audit: the audit table (token and input rules)
// and the jwks table. The TypeScript is bundled by esbuild into a temporary module first, as the build
// does; test/render/rules-markdown.test.ts and test/jwks/readme-rules.test.ts fail when the README is stale.
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
      contents:
        "export { ruleCatalogue } from './src/audit/catalogue.ts'; " +
        "export { AUDIT_RULES_BLOCK, JWKS_RULES_BLOCK, rulesMarkdown, withRulesBlock } from './src/render/rules-markdown.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const { ruleCatalogue, AUDIT_RULES_BLOCK, JWKS_RULES_BLOCK, rulesMarkdown, withRulesBlock } = await import(pathToFileURL(outfile).href);
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const tables = [
    { name: 'audit', block: AUDIT_RULES_BLOCK, rules: ruleCatalogue() },
    { name: 'jwks', block: JWKS_RULES_BLOCK, rules: ruleCatalogue(['jwks']) },
  ];
  let updated = readme;
  for (const { name, block, rules } of tables) {
    const next = withRulesBlock(updated, rulesMarkdown(rules), block);
    console.log(`README.md: the ${name} rule table (${rules.length} rules) ${next === updated ? 'is up to date' : 'rewritten'}`);
    updated = next;
  }
  if (updated !== readme) writeFileSync(path, updated);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
