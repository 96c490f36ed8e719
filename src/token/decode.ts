import { InspectError } from '../errors.js';
import { stringMember, type JsonNode, type JsonObject } from './json.js';
import { decodeJsonPart, type JsonPart } from './part.js';
import { decodeSegment, type Segment } from './segment.js';

export type TokenKind = 'JWS' | 'JWE' | 'unsecured';

export interface DecodedToken {
  readonly compact: string;
  readonly kind: TokenKind;
  readonly segments: readonly Segment[];
  readonly header: JsonObject;
  readonly headerPart: JsonPart;
  /** The payload part of a JWS; null for a JWE, whose payload is encrypted. */
  readonly payloadPart: JsonPart | null;
  /** The claims when the payload is a JSON object. */
  readonly claims: JsonObject | null;
  readonly payloadBytes: Uint8Array | null;
  /** Signature bytes of a JWS (empty for `alg: none`); null for a JWE. */
  readonly signature: Uint8Array | null;
  /** Header `alg` when it is a string. */
  readonly alg: string | undefined;
}

/** Tokens larger than this are refused before any decoding work. */
export const MAX_TOKEN_BYTES = 1024 * 1024;

function malformed(message: string): InspectError {
  return new InspectError('ERR_MALFORMED_TOKEN', message);
}

/**
 * Decode a compact JWS or JWE without verifying anything. A token whose
 * header cannot be read at all is an input error; everything else that is
 * wrong with it is left for the audit rules to report.
 */
export function decodeToken(compact: string): DecodedToken {
  if (compact.length > MAX_TOKEN_BYTES) {
    throw new InspectError('ERR_INPUT_TOO_LARGE', `the token is ${compact.length} bytes; tokens over ${MAX_TOKEN_BYTES} bytes are refused`);
  }
  const raw = compact.split('.');
  if (raw.length !== 3 && raw.length !== 5) {
    throw malformed(`a compact token has 3 parts (JWS) or 5 (JWE) separated by dots; this one has ${raw.length}`);
  }
  const segments = raw.map(decodeSegment);
  const headerSegment = segments[0]!;
  if (headerSegment.raw === '') throw malformed('the token header (first part) is empty');
  if (!headerSegment.bytes) throw malformed('the token header (first part) is not base64url');
  const headerPart = decodeJsonPart(headerSegment.bytes);
  const header = headerPart.json;
  if (!header || header.type !== 'object') {
    throw malformed(`the token header is not a JSON object (${headerPart.jsonError ?? `a JSON ${header?.type}`})`);
  }
  const alg = stringMember(header, 'alg');

  if (segments.length === 5) {
    return { compact, kind: 'JWE', segments, header, headerPart, payloadPart: null, claims: null, payloadBytes: null, signature: null, alg };
  }
  const payloadSegment = segments[1]!;
  const signatureSegment = segments[2]!;
  if (!payloadSegment.bytes) throw malformed('the token payload (second part) is not base64url');
  if (!signatureSegment.bytes) throw malformed('the token signature (third part) is not base64url');
  const payloadPart = decodeJsonPart(payloadSegment.bytes);
  const claims = objectOrNull(payloadPart.json);
  const kind: TokenKind = alg !== undefined && alg.toLowerCase() === 'none' ? 'unsecured' : 'JWS';
  return {
    compact,
    kind,
    segments,
    header,
    headerPart,
    payloadPart,
    claims,
    payloadBytes: payloadSegment.bytes,
    signature: signatureSegment.bytes,
    alg,
  };
}

function objectOrNull(node: JsonNode | null): JsonObject | null {
  return node?.type === 'object' ? node : null;
}

/**
 * Does the header say the payload is a JWT (RFC 7519 §5.2)? Media type names
 * are case-insensitive and may omit `application/` (RFC 7515 §4.1.10).
 */
export function declaresNestedJwt(header: JsonObject): boolean {
  const cty = stringMember(header, 'cty')?.toLowerCase();
  return cty === 'jwt' || cty === 'application/jwt';
}

/** The nested token of a `cty: JWT` JWS, when its payload is one (RFC 7519 §5.2). */
export function nestedToken(token: DecodedToken): DecodedToken | null {
  if (!declaresNestedJwt(token.header) || !token.payloadPart?.text) return null;
  try {
    return decodeToken(token.payloadPart.text.trim());
  } catch {
    return null;
  }
}
