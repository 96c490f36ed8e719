import type { RuleInfo } from '../audit/rule.js';

/** The README's generated rule list sits between these markers (`npm run rules` rewrites it). */
export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** The section that holds the markers, appended to a README that has none yet. */
const SECTION_INTRO =
  '## Audit rules\n\nEvery rule `audit` runs, generated from the rule table by `npm run rules` (do not edit the table by hand). ' +
  'The severity is the highest the rule reports; many report less in milder cases (see the finding itself). ' +
  'Turn a rule off with `--ignore <id>`.';

/** A table cell: a `|` would end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** One Markdown table row per rule, in table order: id, severity, category, title. */
export function rulesMarkdown(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.category} | ${cell(r.title)} |`);
  return ['| id | severity | category | title |', '|---|---|---|---|', ...rows].join('\n');
}

/** The table between the markers, or null when the README has no marker pair. */
export function rulesBlock(readme: string): string | null {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start === -1 || end < start) return null;
  return readme.slice(start + RULES_START.length, end).trim();
}

/** The README with this table between the markers; without markers, a new section at the end holds them. */
export function withRulesBlock(readme: string, table: string): string {
  const block = `${RULES_START}\n${table}\n${RULES_END}`;
  if (rulesBlock(readme) === null) return `${readme.trimEnd()}\n\n${SECTION_INTRO}\n\n${block}\n`;
  return readme.slice(0, readme.indexOf(RULES_START)) + block + readme.slice(readme.indexOf(RULES_END) + RULES_END.length);
}
