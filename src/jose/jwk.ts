/** RFC 7518 §6.2.2 (EC `d`), §6.3.2 (RSA `d p q dp dq qi oth`) and RFC 8037 §2 (OKP `d`): the members that make a JWK private. */
export const PRIVATE_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];
