import { createHash } from 'node:crypto';
import type { Finding } from '../audit/rule.js';
import { memberPath, type JsonNode, type JsonObject } from '../token/json.js';
import type { InspectReport, TokenParts } from './inspect.js';

/** `[redacted: 8 chars, sha256 1a2b3c4d]`: comparable across reports, useless to an attacker. */
function redactedText(value: string): string {
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 8);
  return `[redacted: ${[...value].length} chars, sha256 ${hash}]`;
}

function redactNode(node: JsonNode, path: string, hide: ReadonlySet<string>): JsonNode {
  if (hide.has(path)) {
    const text = node.type === 'string' ? node.value : node.type === 'number' ? node.raw : JSON.stringify(node);
    return { type: 'string', value: redactedText(text) };
  }
  if (node.type === 'object') {
    return { type: 'object', entries: node.entries.map(([k, v]) => [k, redactNode(v, memberPath(path, k), hide)] as const) };
  }
  if (node.type === 'array') return { type: 'array', items: node.items.map((v, i) => redactNode(v, `${path}[${i}]`, hide)) };
  return node;
}

/** Paths whose values are sensitive-looking, by the audit rules. */
function sensitivePaths(findings: readonly Finding[]): Set<string> {
  return new Set(findings.filter((f) => f.category === 'sensitive-data' && f.path !== null).map((f) => f.path!));
}

/**
 * A copy safe to paste into a bug report: the signature dropped and the
 * values of sensitive-looking claims replaced by their length and a short hash.
 */
export function redactReport(report: InspectReport): InspectReport {
  const hide = sensitivePaths(report.findings);
  return {
    ...report,
    ...redactParts(report, '', hide),
    signature: null,
    inner: report.inner === null ? null : { ...report.inner, ...redactParts(report.inner, 'inner.', hide), signature: null },
  };
}

function redactParts(parts: TokenParts, prefix: string, hide: ReadonlySet<string>): Pick<TokenParts, 'header' | 'payload' | 'payloadText'> {
  const redactObject = (node: JsonObject, root: string): JsonObject => redactNode(node, `${prefix}${root}`, hide) as JsonObject;
  return {
    header: redactObject(parts.header, 'header'),
    payload: parts.payload === null ? null : redactObject(parts.payload, 'payload'),
    payloadText: parts.payloadText === null ? null : redactedText(parts.payloadText),
  };
}
