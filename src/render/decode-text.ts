import { severityRank, type Finding } from '../audit/rule.js';
import { spanText } from '../claims/relative.js';
import type { TimeReport } from '../claims/times.js';
import type { InspectReport, SignatureInfo, TokenParts } from '../report/inspect.js';
import { stringMember } from '../token/json.js';
import { escapeTerminal } from './escape.js';
import { findingHeading, findingWhere } from './findings-text.js';
import { prettyLines, type Marks } from './pretty.js';
import type { Theme } from './theme.js';

export interface DecodeTextOptions {
  /** Show findings at this severity and above (decode: medium). */
  readonly minSeverity: Finding['severity'];
  readonly redacted: boolean;
  /** Lines that replace the UNVERIFIED warning: verify's VALID / INVALID verdict, after a signature check. */
  readonly banner?: readonly string[];
}

const SOURCE_AS: Record<string, string> = { raw: 'a bare token', bearer: 'a Bearer header', cookie: 'cookie', url: 'URL parameter', json: 'JSON key' };

function sourceLine(report: InspectReport): string {
  const { from, as, name } = report.token.source;
  const held = name === null ? SOURCE_AS[as] : `${SOURCE_AS[as]} '${escapeTerminal(name)}'`;
  return `${report.token.kind}, ${report.token.bytes} bytes, from ${from === 'argument' ? 'the argument' : from} (${held})`;
}

function marksFor(findings: readonly Finding[], theme: Theme): Marks {
  const marks = new Map<string, string>();
  for (const f of findings) {
    if (f.path === null || f.category !== 'sensitive-data' || marks.has(f.path)) continue;
    marks.set(f.path, theme.severity(f.severity, `◀ ${f.severity}: ${f.title.toLowerCase()} (${f.id})`));
  }
  return marks;
}

function partsLines(parts: TokenParts, theme: Theme, marks: Marks, label: string, decrypted = false, root = ''): string[] {
  const lines = [theme.heading(`${label}Header`), ...prettyLines(parts.header, theme, marks, `${root}header`), ''];
  lines.push(theme.heading(`${label}Payload`));
  if (parts.payload !== null) lines.push(...prettyLines(parts.payload, theme, marks, `${root}payload`));
  else if (parts.payloadText !== null) lines.push(theme.dim('(text, not a JSON object)'), escapeTerminal(parts.payloadText));
  else if (parts.payloadBase64url !== null) lines.push(theme.dim('(binary, not UTF-8; base64url)'), parts.payloadBase64url);
  else {
    const alg = stringMember(parts.header, 'alg') ?? '?';
    const enc = stringMember(parts.header, 'enc') ?? '?';
    const next = decrypted ? 'decrypted below' : 'decrypt it with --decrypt-key';
    lines.push(theme.warn(`encrypted (JWE, alg ${escapeTerminal(alg)}, enc ${escapeTerminal(enc)}); ${next}`));
  }
  return lines;
}

function timeLines(time: TimeReport, theme: Theme, signatureChecked: boolean): string[] {
  const lines = [theme.heading('Times') + theme.dim(` (as of ${new Date(time.now * 1000).toISOString()})`)];
  for (const name of ['iat', 'nbf', 'exp', 'auth_time'] as const) {
    const c = time[name];
    if (c) lines.push(`  ${name.padEnd(10)}${c.iso}  ${theme.dim(c.relative)}`);
  }
  if (time.lifetime !== null) lines.push(`  ${'lifetime'.padEnd(10)}${spanText(time.lifetime)}`);
  const status = {
    valid: () =>
      theme.good('valid') +
      (time.exp ? `, expires ${time.exp.relative}` : '') +
      (signatureChecked ? '' : theme.dim(' (times only: the signature is not checked)')),
    expired: () => theme.bad('EXPIRED') + ` ${time.exp?.relative ?? ''}`,
    'not-yet-valid': () => theme.bad('NOT YET VALID') + `, starts ${time.nbf?.relative ?? ''}`,
    'no-expiry': () => theme.warn('NO EXPIRY') + ': valid forever once issued',
  }[time.status]();
  lines.push(`  ${'status'.padEnd(10)}${status}`);
  return lines;
}

function findingLines(findings: readonly Finding[], theme: Theme, min: Finding['severity']): string[] {
  const shown = findings.filter((f) => severityRank(f.severity) >= severityRank(min));
  const header = theme.heading('Findings') + theme.dim(` (${min} and above; \`jwt-inspect audit\` lists all)`);
  if (shown.length === 0) return [header, theme.dim(`  none at ${min} or above`)];
  return [
    header,
    ...shown.flatMap((f) => {
      const where = findingWhere(f);
      const note = f.note === null ? '' : theme.dim(` (${escapeTerminal(f.note)})`);
      return [findingHeading(f, theme), ...(where === '' && note === '' ? [] : [`           ${where}${note}`])];
    }),
  ];
}

function signatureLine(sig: SignatureInfo, theme: Theme): string {
  return `${escapeTerminal(sig.alg ?? '(no alg)')}, ${sig.bytes} bytes, ${sig.verified ? theme.good('verified') : theme.bad('not verified')}`;
}

/** The decode screen: header, payload, signature, times, kid, findings. */
export function decodeText(report: InspectReport, theme: Theme, options: DecodeTextOptions): string {
  const marks = marksFor(report.findings, theme);
  const kid = stringMember(report.header, 'kid');
  const lines = [
    ...(options.banner ?? [
      theme.bad('UNVERIFIED') +
        ': decoded only, the signature was NOT checked. Anyone can make a token that decodes like this; use `jwt-inspect verify` with a key.',
    ]),
    theme.dim(`Token: ${sourceLine(report)}`),
    '',
    ...partsLines(report, theme, marks, '', report.inner !== null),
    '',
  ];
  if (report.inner) {
    const label = report.token.kind === 'JWE' ? 'Decrypted JWE: its contents' : 'Nested JWT (cty: JWT): the inner token';
    lines.push(theme.dim(label), ...partsLines(report.inner, theme, marks, 'Inner ', false, 'inner.'), '');
  }
  lines.push(theme.heading('Signature'));
  if (options.redacted) lines.push('  (dropped from this redacted copy)');
  else if (report.signature) lines.push(`  ${signatureLine(report.signature, theme)}`);
  else if (report.inner?.signature) lines.push(`  inner token: ${signatureLine(report.inner.signature, theme)}`);
  else lines.push('  (none: a JWE carries an authentication tag instead)');
  lines.push('', ...timeLines(report.time, theme, options.banner !== undefined), '');
  lines.push(theme.heading('Key'), `  ${'kid'.padEnd(10)}${kid === undefined ? theme.dim('(none)') : escapeTerminal(kid)}`);
  lines.push(`  ${'alg'.padEnd(10)}${escapeTerminal(stringMember(report.header, 'alg') ?? '(none)')}`, '');
  lines.push(...findingLines(report.findings, theme, options.minSeverity));
  return `${lines.join('\n')}\n`;
}
