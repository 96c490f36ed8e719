import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { singleKeySet, type CertificateInfo, type KeySet, type KeySourceKind } from './key.js';
import { badKey, cryptoReason } from './key-errors.js';
import { publicKeyFrom } from './public-key.js';

/** One `-----BEGIN <label>-----` block (RFC 7468). */
interface PemBlock {
  readonly label: string;
  readonly text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** PKCS#8, PKCS#1 RSA and SEC1 EC private keys: node reads all three. */
export const PRIVATE_KEY_LABELS: ReadonlySet<string> = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);
const PUBLIC_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY']);

export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }));
}

export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/** The subject and validity of a certificate, as verify and jwks show them. */
export function certificateInfo(cert: X509Certificate): CertificateInfo {
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    notBeforeSeconds: notBefore.getTime() / 1000,
    notAfterSeconds: notAfter.getTime() / 1000,
  };
}

interface PemKey {
  readonly key: KeyObject;
  readonly notes: string[];
  readonly certificate: CertificateInfo | null;
}

function keyFromBlock(block: PemBlock, origin: string): PemKey {
  try {
    if (block.label === 'CERTIFICATE') {
      const cert = new X509Certificate(block.text);
      return { key: cert.publicKey, notes: [], certificate: certificateInfo(cert) };
    }
    if (PUBLIC_LABELS.has(block.label)) return { key: createPublicKey(block.text), notes: [], certificate: null };
    if (PRIVATE_KEY_LABELS.has(block.label)) {
      return {
        key: createPublicKey(block.text),
        notes: [
          `${origin} holds a private key; only its public half is used. Verifying needs the public key alone: keep the private key where it is used to sign.`,
        ],
        certificate: null,
      };
    }
  } catch (cause) {
    // The crypto library's message never quotes key material; still, say only what kind of block failed.
    throw badKey(origin, `the ${block.label} block cannot be read (${cryptoReason(cause)})`, cause);
  }
  if (block.label === 'ENCRYPTED PRIVATE KEY') throw badKey(origin, 'the private key is encrypted; give the public key (openssl pkey -pubout) instead');
  throw badKey(origin, `a PEM ${block.label} block is not a key; give a public key, a private key or a certificate`);
}

/**
 * The key of a PEM file: SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, a
 * private key (its public half), or an X.509 certificate (the first of a
 * chain: the leaf, RFC 5246 §7.4.2 order).
 */
export async function keySetFromPem(text: string, source: KeySourceKind, origin: string): Promise<KeySet> {
  const blocks = pemBlocks(text);
  const first = blocks[0];
  if (first === undefined) throw badKey(origin, 'no complete PEM block (-----BEGIN ...----- to -----END ...-----)');
  const { key, notes, certificate } = keyFromBlock(first, origin);
  if (blocks.length > 1) notes.push(`${origin} holds ${blocks.length} PEM blocks; the first (${first.label}) is used`);
  return singleKeySet(source, origin, await publicKeyFrom(key, origin), { notes, certificate, document: text });
}
