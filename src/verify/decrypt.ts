import { compactDecrypt } from 'jose/jwe/compact/decrypt';
import { JOSEError } from 'jose/errors';
import { timeReport } from '../claims/times.js';
import type { DecryptKey } from '../keys/decrypt-key.js';
import type { Category } from '../audit/rule.js';
import { sortFindings } from '../audit/run.js';
import { innerFindings, tokenParts, type InspectReport, type TokenParts } from '../report/inspect.js';
import { decodeToken, type DecodedToken } from '../token/decode.js';
import { stringMember } from '../token/json.js';
import { decodeJsonPart } from '../token/part.js';
import { metadataMismatch } from './algorithms.js';
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
  | {
      readonly kind: 'plaintext';
      readonly parts: TokenParts;
      readonly authenticated: boolean;
      /** The JWE with its decrypted claims in place of the ciphertext, for the rules that read claims; null when they are not a JSON object. */
      readonly readable: DecodedToken | null;
    };

/** A JWE that decrypted. */
export type Opened = Exclude<Decrypted, { readonly kind: 'failed' }>;

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
  const alg = stringMember(token.header, 'alg') ?? '';
  // A direct key is the content key, so its own alg names the content encryption (RFC 7520 §5.6).
  const direct = alg === 'dir' && key.alg !== null && key.alg === stringMember(token.header, 'enc');
  const refused = metadataMismatch(direct ? { ...key, alg: null } : key, alg, 'enc');
  if (refused !== null) return { kind: 'failed', error: { code: 'ERR_JWE_DECRYPTION_FAILED', message: `decryption refused: ${refused} (with ${key.origin})`, claim: null } };
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
  const readable = claims === null ? null : { ...token, payloadPart: part, claims, payloadBytes: plaintext };
  return { kind: 'plaintext', parts, authenticated: (SECRET_ALGORITHMS as readonly string[]).includes(alg), readable };
}

/** The rules that read claims: a JWE's header was audited with the JWE itself. */
const CLAIM_CATEGORIES: ReadonlySet<Category> = new Set(['lifetime', 'sensitive-data']);

/**
 * The report of a JWE that decrypted: its contents as the inner token (`parts`,
 * by default as decrypted), its times read from them, and the findings of
 * what it holds: a nested JWT is audited as a token of its own, claims by the
 * rules about claims.
 */
export function withInner(report: InspectReport, opened: Opened, now: number, leeway: number, parts: TokenParts = opened.parts): InspectReport {
  const options = { now, leeway };
  const held =
    opened.kind === 'nested'
      ? innerFindings(opened.token, options)
      : opened.readable === null
        ? []
        : innerFindings(opened.readable, options).filter((f) => CLAIM_CATEGORIES.has(f.category));
  return { ...report, inner: parts, time: timeReport(parts.payload, now, leeway), findings: sortFindings([...report.findings, ...held]) };
}
