import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/audit/catalogue.js';
import { JWKS_RULES_BLOCK, rulesBlock, rulesMarkdown } from '../../src/render/rules-markdown.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README jwks table', () => {
  it('is the jwks rule table as it is now (run `npm run rules` when this fails)', () => {
    expect(rulesBlock(README, JWKS_RULES_BLOCK)).toBe(rulesMarkdown(ruleCatalogue(['jwks'])));
  });

  it('sits in the jwks section, and lists the severities a rule reports', () => {
    const section = README.slice(README.indexOf('\n## jwks\n'), README.indexOf('\n## ', README.indexOf('\n## jwks\n') + 1));
    expect(section).toContain(JWKS_RULES_BLOCK.start);
    expect(rulesBlock(README, JWKS_RULES_BLOCK)).toContain('| `jwks-certificate-validity` | high, medium | key |');
  });
});
