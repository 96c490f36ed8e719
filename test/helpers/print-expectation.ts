// The canonical text of an expectation: a test oracle (parseExpectation must read back what it writes).
import { boundText, type Expectation } from '../../src/claims/expect.js';
import { jsonOrString } from '../../src/claims/loose-value.js';
import { segmentsText } from '../../src/claims/path-text.js';
import type { JsonNode } from '../../src/token/json.js';
import { nodeJsonText } from '../../src/token/json-text.js';

function bareString(node: JsonNode): node is { type: 'string'; value: string } {
  if (node.type !== 'string') return false;
  const s = node.value;
  return s !== '' && s === s.trim() && !s.startsWith('=') && jsonOrString(s).type === 'string';
}

function valueText(node: JsonNode): string {
  return bareString(node) ? node.value : nodeJsonText(node);
}

/** The canonical text of an expectation; parseExpectation reads it back to the same expectation. */
export function printExpectation(e: Expectation): string {
  const path = segmentsText(e.path.root === 'header' ? 'header' : '', e.path.segments);
  switch (e.op) {
    case 'exists':
      return path;
    case 'absent':
      return `!${path}`;
    case '=':
    case '!=':
    case '~=':
      return `${path}${e.op}${valueText(e.value)}`;
    default:
      return `${path}${e.op}${boundText(e.bound)}`;
  }
}
