import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { RULES_END, RULES_START, rulesBlock, rulesMarkdown, withRulesBlock } from '../../src/render/rules-markdown.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README rule list', () => {
  it('is the rule table as it is now (run `npm run rules` when this fails)', () => {
    expect(rulesBlock(README)).toBe(rulesMarkdown(ruleCatalogue()));
  });

  it('has one row per rule of the catalogue, each with its severity, category and title', () => {
    const rows = rulesMarkdown(ruleCatalogue()).split('\n').slice(2);
    expect(rows).toHaveLength(ruleCatalogue().length);
    expect(rows).toContain('| `alg-confusion` | critical | key | Algorithm confusion (public key as HMAC secret) |');
  });
});

describe('withRulesBlock', () => {
  const table = rulesMarkdown([{ id: 'a-rule', severity: 'low', category: 'header', title: 'A | B', advice: 'x' }]);

  it('escapes a pipe inside a cell', () => {
    expect(table).toContain('| `a-rule` | low | header | A \\| B |');
  });

  it('appends an Audit rules section with the markers when there are none, and leaves the rest alone', () => {
    const updated = withRulesBlock('# Title\n\nText.\n', table);
    expect(updated.startsWith('# Title\n\nText.\n\n## Audit rules\n')).toBe(true);
    expect(updated.endsWith(`${RULES_START}\n${table}\n${RULES_END}\n`)).toBe(true);
  });

  it('replaces only what is between the markers, and changes nothing the second time', () => {
    const before = `# T\n\n${RULES_START}\nold\n${RULES_END}\n\n## After\n`;
    const updated = withRulesBlock(before, table);
    expect(updated).toBe(`# T\n\n${RULES_START}\n${table}\n${RULES_END}\n\n## After\n`);
    expect(withRulesBlock(updated, table)).toBe(updated);
  });
});
