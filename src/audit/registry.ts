/**
 * The IANA header parameter registry the rules check against (RFC 7515
 * §4.1, RFC 7516 §4.1); the algorithm registries are src/jose/algorithms.ts.
 */

/** Header parameters RFC 7515 §4.1 and RFC 7516 §4.1 register: `crit` must not list them. */
export const JOSE_HEADER_PARAMS: ReadonlySet<string> = new Set([
  'alg',
  'jku',
  'jwk',
  'kid',
  'x5u',
  'x5c',
  'x5t',
  'x5t#S256',
  'typ',
  'cty',
  'crit',
  'enc',
  'zip',
  'epk',
  'apu',
  'apv',
  'iv',
  'tag',
  'p2s',
  'p2c',
]);

/**
 * Every name in the IANA "JSON Web Signature and Encryption Header
 * Parameters" registry: the JOSE ones, `b64` (RFC 7797), the claims RFC 7519
 * §5.3 lets a header replicate, `ppt` (RFC 8225), `url` and `nonce`
 * (RFC 8555), `svt` (RFC 9118).
 */
export const REGISTERED_HEADER_PARAMS: ReadonlySet<string> = new Set([...JOSE_HEADER_PARAMS, 'b64', 'iss', 'sub', 'aud', 'ppt', 'url', 'nonce', 'svt']);
