import type { Finding, RuleInfo, Severity } from '../audit/rule.js';
import { VERSION } from '../version.js';
import { toJsonText } from './json.js';

/** Where a finding was seen: a place in a file, or (for a token given directly) a logical name. */
export type SarifLocation =
  { readonly kind: 'file'; readonly uri: string; readonly line?: number; readonly column?: number } | { readonly kind: 'logical'; readonly name: string };

export interface SarifResult {
  readonly finding: Finding;
  readonly locations: readonly SarifLocation[];
  /** Stable across runs for the same token and finding (SARIF partialFingerprints). */
  readonly fingerprint?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity` (0-10) to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

function location(l: SarifLocation): Record<string, unknown> {
  if (l.kind === 'logical') return { logicalLocations: [{ fullyQualifiedName: l.name }] };
  const region = l.line === undefined ? undefined : { startLine: l.line, ...(l.column === undefined ? {} : { startColumn: l.column }) };
  return { physicalLocation: { artifactLocation: { uri: l.uri }, ...(region ? { region } : {}) } };
}

/** A SARIF 2.1.0 log with one run: every rule of the catalogue as metadata, and the results. */
export function sarifLog(rules: readonly RuleInfo[], results: readonly SarifResult[]): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jwt-inspect',
            version: VERSION,
            informationUri: 'https://www.npmjs.com/package/jwt-inspect',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: `${r.title}. ${r.advice}` },
              help: { text: r.advice },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { category: r.category, tags: ['security', r.category], 'security-severity': SECURITY_SEVERITY[r.severity] },
            })),
          },
        },
        results: results.map(({ finding: f, locations, fingerprint }) => ({
          ruleId: f.id,
          ...(index.has(f.id) ? { ruleIndex: index.get(f.id) } : {}),
          level: LEVEL[f.severity],
          message: { text: [f.title, f.path, f.evidence, f.note].filter((x) => x !== null).join(': ') },
          locations: locations.map(location),
          ...(fingerprint ? { partialFingerprints: { 'jwtInspect/v1': fingerprint } } : {}),
          properties: { severity: f.severity, category: f.category },
        })),
      },
    ],
  };
  return `${toJsonText(log as never)}\n`;
}
