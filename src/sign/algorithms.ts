import type { KeyObject } from 'node:crypto';
import { InspectError, usageError } from '../errors.js';
import { JWS_ALGORITHMS, type JwsAlgorithm, type KeyType } from '../jose/algorithms.js';

/** What kind of key an algorithm signs with. */
export type KeyKind = 'secret' | 'rsa' | 'ec' | 'ed25519';

interface AlgorithmNeeds {
  readonly key: KeyKind;
  /** EC curve (RFC 7518 §3.4). */
  readonly curve?: string;
}

/** The kind of key each key type signs with; the OKP algorithms jose signs with on Node 20 are all Ed25519. */
const KIND_OF_KTY: Readonly<Record<KeyType, KeyKind>> = { oct: 'secret', RSA: 'rsa', EC: 'ec', OKP: 'ed25519' };

/** What an algorithm signs with, from the algorithm table. */
function needsOf(spec: JwsAlgorithm): AlgorithmNeeds {
  return spec.kty === 'EC' ? { key: 'ec', curve: spec.crv! } : { key: KIND_OF_KTY[spec.kty] };
}

/**
 * The JWS algorithms jose signs with on Node 20 (RFC 7518 §3, RFC 8037,
 * `Ed25519` from RFC 9864). jose's ML-DSA algorithms need a runtime with
 * ML-DSA in WebCrypto, which Node 20 lacks.
 */
const SIGNING_ALGORITHMS: readonly JwsAlgorithm[] = Object.values(JWS_ALGORITHMS).filter((spec) => spec.signable);
export const SIGNING_ALGS: readonly string[] = SIGNING_ALGORITHMS.map((spec) => spec.alg);

/** A key to sign with, and what its own metadata (a JWK's `kid` and `alg`) says. */
export type SigningKey = (
  | { readonly type: 'secret'; readonly bytes: Uint8Array }
  | { readonly type: 'private'; readonly key: KeyObject; readonly kind: Exclude<KeyKind, 'secret'>; readonly curve: string | null }
) & { readonly kid: string | null; readonly alg: string | null };

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const KINDS: Record<string, Exclude<KeyKind, 'secret'>> = { rsa: 'rsa', ec: 'ec', ed25519: 'ed25519' };

/** The kind and curve of a private key, or an error naming what it is when no JWS algorithm jose supports can use it. */
export function privateKeyKind(key: KeyObject, origin: string): { kind: Exclude<KeyKind, 'secret'>; curve: string | null } {
  const type = key.asymmetricKeyType ?? 'unknown';
  const kind = KINDS[type];
  const named = key.asymmetricKeyDetails?.namedCurve;
  const curve = named === undefined ? null : (CURVES[named] ?? named);
  if (kind === undefined || (kind === 'ec' && !Object.values(CURVES).includes(curve ?? ''))) {
    throw new InspectError(
      'ERR_BAD_KEY',
      `${origin}: a key of type ${type}${curve ? ` (curve ${curve})` : ''} cannot sign a JWS; give an RSA, EC (P-256, P-384, P-521) or Ed25519 private key`,
    );
  }
  return { kind, curve };
}

/** `a secret`, `an EC P-256 key`: what an algorithm needs, or what a key is. */
function keyText(kind: KeyKind, curve: string | null | undefined): string {
  return { secret: 'a secret', rsa: 'an RSA key', ec: `an EC ${curve} key`, ed25519: 'an Ed25519 key' }[kind];
}

function describe(key: SigningKey): string {
  return key.type === 'secret' ? keyText('secret', null) : keyText(key.kind, key.curve);
}

function fits(needs: AlgorithmNeeds, key: SigningKey): boolean {
  if (key.type === 'secret') return needs.key === 'secret';
  return needs.key === key.kind && (needs.curve === undefined || needs.curve === key.curve);
}

/** The algorithm a key signs with by default: the JWK's own `alg`, else the one its type and curve imply. */
function defaultAlg(key: SigningKey): string {
  const own = SIGNING_ALGORITHMS.find((spec) => spec.alg === key.alg);
  if (own !== undefined && fits(needsOf(own), key)) return own.alg;
  if (key.type === 'secret') return 'HS256';
  if (key.kind === 'ec') return SIGNING_ALGORITHMS.find((spec) => fits(needsOf(spec), key))!.alg;
  return key.kind === 'rsa' ? 'RS256' : 'EdDSA';
}

/** The `--alg` to sign with: the one asked for, checked against the key, else the key's default. */
export function chooseAlg(requested: string | undefined, key: SigningKey): string {
  if (requested === undefined) return defaultAlg(key);
  const spec = SIGNING_ALGORITHMS.find((candidate) => candidate.alg === requested);
  if (spec === undefined)
    throw usageError(`--alg ${requested} is not a JWS algorithm jose can sign with; use one of ${SIGNING_ALGS.join(', ')} (or none with --unsafe-none)`);
  const needs = needsOf(spec);
  if (!fits(needs, key)) throw usageError(`--alg ${requested} signs with ${keyText(needs.key, needs.curve)}, but the key given is ${describe(key)}`);
  return requested;
}
