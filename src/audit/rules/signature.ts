import { jwsAlgorithm, MIN_RSA_BITS } from '../../jose/algorithms.js';
import { looksLikeDer, splitEcdsa, type EcdsaSignature } from '../ecdsa.js';
import { defineRule, type AuditContext, type RuleHit } from '../rule.js';

/** The signature of a signed JWS that has one; empty-signature covers the rest. */
function signatureOf({ token }: AuditContext): Uint8Array | null {
  return token.kind === 'JWS' && token.signature !== null && token.signature.length > 0 ? token.signature : null;
}

function ecdsaOf(ctx: AuditContext): EcdsaSignature | null {
  const signature = signatureOf(ctx);
  return signature === null ? null : splitEcdsa(ctx.token.alg, signature);
}

/** The fixed sizes a signature of this alg has; none for RSA, whose size is the key's, or for an unknown alg. */
function expectedSizes(alg: string | undefined): readonly number[] {
  const sizes = jwsAlgorithm(alg)?.signatureBytes;
  return sizes === undefined || sizes === 'modulus' ? [] : sizes;
}

export const signatureRules = [
  defineRule({
    id: 'empty-signature',
    severity: 'critical',
    category: 'algorithm',
    title: 'Empty signature, alg not none',
    advice: 'A verifier that accepts this has no signature check at all (CVE-2020-28042); reject empty signatures.',
    check: ({ token }) => (token.kind === 'JWS' && token.segments[2]?.raw === '' ? [{ path: 'signature', evidence: `alg ${token.alg ?? '(missing)'}` }] : []),
  }),
  defineRule({
    id: 'none-with-signature',
    severity: 'high',
    category: 'algorithm',
    title: 'Signature present with alg:none',
    advice: 'An Unsecured JWS must have an empty signature (RFC 7518 §3.6); this token was tampered with or mis-built.',
    check: ({ token }) =>
      token.kind === 'unsecured' && token.segments[2]?.raw !== '' ? [{ path: 'signature', evidence: `${token.signature?.length ?? 0} bytes` }] : [],
  }),
  defineRule({
    id: 'signature-size',
    severity: 'medium',
    category: 'algorithm',
    title: 'Signature size does not fit alg',
    advice: 'HMAC, ECDSA and EdDSA signatures have a fixed size (RFC 7518 §3.2–3.4); this one was made for another alg or encoded wrongly.',
    check: (ctx): RuleHit[] => {
      const signature = signatureOf(ctx);
      const sizes = expectedSizes(ctx.token.alg);
      if (signature === null || sizes.length === 0 || sizes.includes(signature.length)) return [];
      const der = jwsAlgorithm(ctx.token.alg)?.family === 'ECDSA' && looksLikeDer(signature);
      return [
        {
          path: 'signature',
          evidence: `${signature.length} bytes; ${ctx.token.alg} makes ${sizes.join(' or ')}`,
          ...(der ? { note: 'DER, not raw R‖S' } : {}),
        },
      ];
    },
  }),
  defineRule({
    id: 'ecdsa-zero-signature',
    severity: 'critical',
    category: 'algorithm',
    title: 'ECDSA r or s is 0 or ≥ n ("psychic signature")',
    advice: 'Such a signature is never valid; a verifier that accepts it accepts anything (CVE-2022-21449). Patch the verifier.',
    check: (ctx): RuleHit[] => {
      const ecdsa = ecdsaOf(ctx);
      if (ecdsa === null) return [];
      const { r, s, n } = ecdsa;
      const bad = [r === 0n && 'r = 0', s === 0n && 's = 0', r >= n && 'r ≥ n', s >= n && 's ≥ n'].filter((x) => x !== false);
      return bad.length === 0 ? [] : [{ path: 'signature', evidence: bad.join(', ') }];
    },
  }),
  defineRule({
    id: 'rsa-key-too-small',
    severity: 'critical',
    alsoReports: ['high'],
    category: 'key',
    title: 'RSA modulus under 2048 bits (inferred)',
    advice: 'RFC 7518 §3.3: an RSA key of 2048 bits or more MUST be used; a 512-bit key can be factored cheaply.',
    check: (ctx): RuleHit[] => {
      const signature = signatureOf(ctx);
      // An RSA signature is as long as the modulus.
      if (signature === null || jwsAlgorithm(ctx.token.alg)?.signatureBytes !== 'modulus' || signature.length * 8 >= MIN_RSA_BITS) return [];
      const evidence = `${signature.length}-byte signature: a ${signature.length * 8}-bit key`;
      return [{ path: 'signature', evidence, ...(signature.length > 64 ? { severity: 'high' as const } : { note: 'factorable' }) }];
    },
  }),
  defineRule({
    id: 'ecdsa-high-s',
    severity: 'info',
    category: 'algorithm',
    title: 'ECDSA high-S (malleable)',
    advice: 'With s, n − s also verifies: key replay denylists on the decoded claims or jti, not on the token text.',
    check: (ctx): RuleHit[] => {
      const ecdsa = ecdsaOf(ctx);
      if (ecdsa === null || ecdsa.r === 0n || ecdsa.r >= ecdsa.n || ecdsa.s === 0n || ecdsa.s >= ecdsa.n) return [];
      return ecdsa.s > ecdsa.n / 2n ? [{ path: 'signature', note: 's > n/2' }] : [];
    },
  }),
];
