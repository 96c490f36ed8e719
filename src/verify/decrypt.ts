import { compactDecrypt } from 'jose/jwe/compact/decrypt';
import { JOSEError } from 'jose/errors';
import { timeReport } from '../claims/times.js';
import type { DecryptKey } from '../keys/decrypt-key.js';
import { sortFindings } from '../audit/run.js';
import { innerFindings, tokenParts, type InspectReport, type TokenParts } from '../report/inspect.js';
import { decodeToken, type DecodedToken } from '../token/decode.js';
import { stringMember } from '../token/json.js';
import { decodeJsonPart } from '../token/part.js';
import type { VerificationError } from './result.js';

/**
 * Shared-secret key management (RFC 7518 §4.5 to §4.8): only a holder of
 * the secret can make such a JWE, so decrypting it authenticates the sender.
 * With RSA-OAEP or ECDH-ES anyone holding the public key can encrypt.
 */
const SECRET_ALGORITHMS = [
  'dir',
  'A128KW',
  'A192KW',
  'A256KW',
  'A128GCMKW',
  'A192GCMKW',
  'A256GCMKW',
  'PBES2-HS256+A128KW',
  'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW',
] as const;

export type Decrypted =
  | { readonly kind: 'failed'; readonly error: VerificationError }
  /** A nested JWT (RFC 7519 §5.2): the inner token still needs its own signature check. */
  | { readonly kind: 'nested'; readonly token: DecodedToken; readonly parts: TokenParts }
  | { readonly kind: 'plaintext'; readonly parts: TokenParts; readonly authenticated: boolean };

function nested(text: string | null): DecodedToken | null {
  if (text === null) return null;
  try {
    const token = decodeToken(text.trim());
    return token.kind === 'JWE' ? null : token;
  } catch {
    return null;
  }
}

/**
 * Decrypt a compact JWE. jose's defaults stay in force: the cap on PBES2
 * iterations (a huge `p2c` would keep the CPU busy for hours) and on the
 * decompressed size for `zip: DEF` (a small token could inflate to gigabytes).
 */
export async function decryptToken(token: DecodedToken, key: DecryptKey): Promise<Decrypted> {
  let plaintext: Uint8Array;
  try {
    const options = key.type === 'secret' ? { keyManagementAlgorithms: [...SECRET_ALGORITHMS] } : {};
    ({ plaintext } = await compactDecrypt(token.compact, key.type === 'secret' ? key.bytes : key.jwk, options));
  } catch (error) {
    if (!(error instanceof JOSEError)) throw error;
    return { kind: 'failed', error: { code: error.code, message: `${error.message} (with ${key.origin})`, claim: null } };
  }
  const part = decodeJsonPart(plaintext);
  const inner = nested(part.text);
  if (inner !== null) return { kind: 'nested', token: inner, parts: tokenParts(inner) };
  const claims = part.json?.type === 'object' ? part.json : null;
  const parts: TokenParts = {
    header: token.header,
    payload: claims,
    payloadText: claims === null ? part.text : null,
    payloadBase64url: claims === null && part.text === null ? Buffer.from(plaintext).toString('base64url') : null,
    signature: null,
  };
  const alg = stringMember(token.header, 'alg') ?? '';
  return { kind: 'plaintext', parts, authenticated: (SECRET_ALGORITHMS as readonly string[]).includes(alg) };
}

/**
 * The report with the decrypted contents as its inner token and its times read
 * from them; a token decrypted from it (a nested JWT) is audited too.
 */
export function withInner(report: InspectReport, inner: TokenParts, now: number, leeway: number, token: DecodedToken | null): InspectReport {
  const findings = token === null ? report.findings : sortFindings([...report.findings, ...innerFindings(token, { now, leeway })]);
  return { ...report, inner, time: timeReport(inner.payload, now, leeway), findings };
}
