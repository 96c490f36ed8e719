import { ruleCatalogue } from '../audit/catalogue.js';
import type { ScanLocation } from '../scan/collect.js';
import type { ScanResult } from '../scan/scan.js';
import { sarifLog, type SarifLocation } from './sarif.js';

/** A file path as a SARIF artifact URI (§3.10.2): relative paths stay relative, `/`-separated and percent-encoded. */
function artifactUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return slashed.startsWith('/') ? `file://${encodeURI(slashed)}` : encodeURI(slashed);
}

function sarifLocation(l: ScanLocation): SarifLocation {
  const uri = artifactUri(l.file);
  // A HAR location has no line: the entry and field are in the JSON output.
  return 'line' in l ? { kind: 'file', uri, line: l.line, column: l.column } : { kind: 'file', uri };
}

/**
 * `--format sarif`: one result per finding of each token, at every place the
 * token was seen, so that code-scanning views point at the line. The
 * fingerprint ties a result to the token (by hash) and the finding.
 */
export function scanSarif(result: ScanResult): string {
  return sarifLog(
    ruleCatalogue(),
    result.tokens.flatMap((t) =>
      t.findings.map((finding) => ({
        finding,
        locations: t.locations.map(sarifLocation),
        fingerprint: `${t.sha256.slice(0, 32)}:${finding.id}:${finding.path ?? ''}`,
      })),
    ),
  );
}
