import { Buffer } from 'node:buffer';
/**
 * ROCA (CVE-2017-15361): Infineon RSALib made every prime as k·M + (65537^a
 * mod M), M the product of the first primes, so the modulus lies, modulo each
 * small prime p, in the subgroup 65537 generates mod p. These are the primes
 * the ROCA authors test; a random modulus passes all of them with odds of
 * about 4·10⁻⁹.
 */
const ROCA_PRIMES = [
  3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163,
  167,
];
const ROCA_GENERATOR = 65537;

function subgroup(generator: number, p: number): ReadonlySet<number> {
  const members = new Set<number>();
  for (let x = 1; !members.has(x); x = (x * generator) % p) members.add(x);
  return members;
}

const ROCA_SUBGROUPS = ROCA_PRIMES.map((p) => ({ p: BigInt(p), members: subgroup(ROCA_GENERATOR % p, p) }));

function hasRocaFingerprint(n: bigint): boolean {
  return ROCA_SUBGROUPS.every(({ p, members }) => members.has(Number(n % p)));
}

function unsigned(base64url: string): bigint {
  return BigInt(`0x${Buffer.from(base64url, 'base64url').toString('hex') || '0'}`);
}

// RFC 8017 §3.1: a valid RSA public key has 3 ≤ e ≤ n − 1 and e coprime to λ(n), which is even, so e is odd.
function flaw(n: bigint, e: bigint): string | null {
  if (e === 1n)
    return 'its public exponent is 1, so anyone can forge a signature that verifies with it: the padded message itself is one (RFC 8017 §3.1 needs e ≥ 3)';
  if (e % 2n === 0n)
    return `its public exponent ${e} is even, which no RSA key pair can have (RFC 8017 §3.1: e must be coprime to λ(n), an even number): the key is broken or crafted`;
  if (hasRocaFingerprint(n))
    return 'its modulus has the ROCA fingerprint of Infineon RSALib keys (CVE-2017-15361): the private key can be computed from the public key, so anyone can sign with it';
  return null;
}

/**
 * What makes an RSA public key unsafe whatever its size: an exponent RFC
 * 8017 §3.1 rules out, or the ROCA fingerprint. `n` and `e` are the JWK
 * members (RFC 7518 §6.3.1), base64url. Null when neither. (Its size is
 * judged against the algorithm: MIN_RSA_BITS in jose/algorithms.ts.)
 */
export function rsaFlaw(n: string, e: string): string | null {
  return flaw(unsigned(n), unsigned(e));
}
