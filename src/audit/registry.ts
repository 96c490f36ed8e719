/**
 * The IANA JOSE registries the rules check against (RFC 7518 §3.1 and §4.1,
 * RFC 8037, RFC 8812, RFC 9864 for Ed25519/Ed448).
 */

/** JWS `alg` values a verifier may meet; `none` is left out on purpose (alg-none). */
export const JWS_ALGS: ReadonlySet<string> = new Set([
  'HS256', 'HS384', 'HS512',
  'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'ES256K',
  'EdDSA', 'Ed25519', 'Ed448',
]);

/** JWE key-management `alg` values (RFC 7518 §4.1; RSA-OAEP-384/512 from the IANA registry). */
export const JWE_ALGS: ReadonlySet<string> = new Set([
  'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512',
  'A128KW', 'A192KW', 'A256KW',
  'dir',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW',
  'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
]);

/** JWE content-encryption `enc` values (RFC 7518 §5.1). */
export const JWE_ENCS: ReadonlySet<string> = new Set([
  'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM',
]);

/** Header parameters RFC 7515 §4.1 and RFC 7516 §4.1 register: `crit` must not list them. */
export const JOSE_HEADER_PARAMS: ReadonlySet<string> = new Set([
  'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
]);

/**
 * Every name in the IANA "JSON Web Signature and Encryption Header
 * Parameters" registry: the JOSE ones, `b64` (RFC 7797), the claims RFC 7519
 * §5.3 lets a header replicate, `ppt` (RFC 8225), `url` and `nonce`
 * (RFC 8555), `svt` (RFC 9118).
 */
export const REGISTERED_HEADER_PARAMS: ReadonlySet<string> = new Set([
  ...JOSE_HEADER_PARAMS, 'b64', 'iss', 'sub', 'aud', 'ppt', 'url', 'nonce', 'svt',
]);

/** HMAC algorithms and their hash (RFC 7518 §3.2). */
export const HMAC_HASHES: Readonly<Record<string, string>> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

export function isHmacAlg(alg: string | undefined): alg is 'HS256' | 'HS384' | 'HS512' {
  return alg !== undefined && Object.hasOwn(HMAC_HASHES, alg);
}
