import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';

/** The OASIS SARIF 2.1.0 (rtm.5) JSON schema, as shipped in @microsoft/jest-sarif (MIT). */
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
// The schema's language pattern is not valid under the u flag, so compile without it.
const validate = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

/** Schema errors of a SARIF document, as readable lines; empty when valid. */
export function sarifErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
