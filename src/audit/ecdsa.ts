import { Buffer } from 'node:buffer';
/** ECDSA signature facts for ES* JWS (RFC 7518 §3.4: the signature is R‖S, each half the size of the group order). */
import { jwsAlgorithm } from '../jose/algorithms.js';

/** Group orders n of the JWS curves (SEC 2 §2.4.2, §2.5.1, §2.6.1; secp256k1 for ES256K, RFC 8812). */
const ORDERS: Readonly<Record<string, bigint>> = {
  'P-256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  secp256k1: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
  'P-384': 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  'P-521': 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
};

export interface EcdsaSignature {
  readonly r: bigint;
  readonly s: bigint;
  readonly n: bigint;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

/** r, s and the order n of an ES* signature of the right length, else null. */
export function splitEcdsa(alg: string | undefined, signature: Uint8Array): EcdsaSignature | null {
  const spec = jwsAlgorithm(alg);
  if (spec?.family !== 'ECDSA' || spec.signatureBytes === 'modulus' || !spec.signatureBytes.includes(signature.length)) return null;
  const half = signature.length / 2;
  return { r: toBigInt(signature.subarray(0, half)), s: toBigInt(signature.subarray(half)), n: ORDERS[spec.crv!]! };
}

/**
 * A DER `SEQUENCE { INTEGER r, INTEGER s }` (the X.509/OpenSSL form) where
 * JWS wants raw R‖S: a common producer bug that strict verifiers reject.
 */
export function looksLikeDer(signature: Uint8Array): boolean {
  if (signature.length < 8 || signature[0] !== 0x30) return false;
  let offset = 2;
  let length = signature[1]!;
  if (length === 0x81) {
    length = signature[2]!;
    offset = 3;
  } else if (length > 0x7f) {
    return false;
  }
  return offset + length === signature.length && signature[offset] === 0x02;
}
