import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../helpers/peers.py', import.meta.url));

function hasPeers(python: string): boolean {
  return spawnSync(python, ['-c', 'import jwt, jwcrypto, cryptography'], { stdio: 'ignore' }).status === 0;
}

/** The first python with both peers: the one on PATH, else Debian's own (a pyenv python on PATH lacks apt packages). */
export const PYTHON_WITH_PEERS: string | null = ['python3', '/usr/bin/python3'].find(hasPeers) ?? null;

/** A verification key as the judge script takes it. */
export type PeerKey =
  | { readonly secret: string /* base64 */ }
  | { readonly pem: string }
  | { readonly jwk: Record<string, unknown> }
  | { readonly jwks: { readonly keys: readonly Record<string, unknown>[] } };

export interface JudgeCase {
  readonly id: string;
  readonly token: string;
  /** A name in the request's keys. */
  readonly key: string;
  readonly algs: readonly string[];
  readonly leeway: number;
  readonly iss: string | null;
  readonly aud: string | null;
}

/** "valid", or "invalid: <the library's exception>". */
export interface PeerVerdicts {
  readonly pyjwt: string;
  readonly jwcrypto: string;
}

/** PyJWT's and jwcrypto's verdicts on every case, in one python run. */
export function judgeWithPeers(now: number, keys: Readonly<Record<string, PeerKey>>, cases: readonly JudgeCase[]): Map<string, PeerVerdicts> {
  if (PYTHON_WITH_PEERS === null) throw new Error('python3 with python3-jwt and python3-jwcrypto is not installed');
  // jwcrypto keeps a JWKS in a set ordered by string hashes: which of two keys sharing a kid it picks is fixed only with the hash seed.
  const env = { ...process.env, PYTHONHASHSEED: '0' };
  const result = spawnSync(PYTHON_WITH_PEERS, [SCRIPT], { input: JSON.stringify({ now, keys, cases }), encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the peers' judge failed: ${result.stderr}`);
  const answers = JSON.parse(result.stdout) as Array<PeerVerdicts & { id: string }>;
  return new Map(answers.map(({ id, pyjwt, jwcrypto }) => [id, { pyjwt, jwcrypto }]));
}
