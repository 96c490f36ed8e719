import { severitiesOf, type RuleInfo } from '../audit/rule.js';

/** The README's generated audit rule list sits between these markers (`npm run rules` rewrites it). */
export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** A generated rule table of the README: its markers, and the section that holds them in a README that has none yet. */
export interface RulesBlock {
  readonly start: string;
  readonly end: string;
  readonly section: string;
}

const SEVERITY_NOTE = 'A rule whose findings differ in severity lists every severity it reports, worst first (see the finding itself).';

/** The rules `audit` reports: token and input rules. */
export const AUDIT_RULES_BLOCK: RulesBlock = {
  start: RULES_START,
  end: RULES_END,
  section:
    '## Audit rules\n\nEvery rule `audit` runs, generated from the rule table by `npm run rules` (do not edit the table by hand). ' +
    `${SEVERITY_NOTE} Turn a rule off with \`--ignore <id>\`.`,
};

/** The rules `jwks` checks a key set with. */
export const JWKS_RULES_BLOCK: RulesBlock = {
  start: '<!-- jwks-rules:start -->',
  end: '<!-- jwks-rules:end -->',
  section: `## jwks findings\n\nWhat \`jwks\` flags, generated from the rule table by \`npm run rules\` (do not edit the table by hand). ${SEVERITY_NOTE}`,
};

/** A table cell: a `|` would end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** One Markdown table row per rule, in table order: id, the severities it reports, category, title. */
export function rulesMarkdown(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${severitiesOf(r).join(', ')} | ${r.category} | ${cell(r.title)} |`);
  return ['| id | severity | category | title |', '|---|---|---|---|', ...rows].join('\n');
}

/** The table between the block's markers, or null when the README has no such marker pair. */
export function rulesBlock(readme: string, block: RulesBlock = AUDIT_RULES_BLOCK): string | null {
  const start = readme.indexOf(block.start);
  const end = readme.indexOf(block.end);
  if (start === -1 || end < start) return null;
  return readme.slice(start + block.start.length, end).trim();
}

/** The README with this table between the block's markers; without markers, a new section at the end holds them. */
export function withRulesBlock(readme: string, table: string, block: RulesBlock = AUDIT_RULES_BLOCK): string {
  const text = `${block.start}\n${table}\n${block.end}`;
  if (rulesBlock(readme, block) === null) return `${readme.trimEnd()}\n\n${block.section}\n\n${text}\n`;
  return readme.slice(0, readme.indexOf(block.start)) + text + readme.slice(readme.indexOf(block.end) + block.end.length);
}
