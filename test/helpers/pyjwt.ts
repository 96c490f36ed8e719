import { spawnSync } from 'node:child_process';

/** Verifies with PyJWT (the Debian python3-jwt package), an implementation independent of jose. */
const VERIFY = `
import base64, json, sys, jwt
from jwt.algorithms import OKPAlgorithm
request = json.load(sys.stdin)
jws = jwt.PyJWS()
if "Ed25519" not in jws.get_algorithms():
    jws.register_algorithm("Ed25519", OKPAlgorithm())  # RFC 9864 names EdDSA over Ed25519 so; older PyJWT knows only "EdDSA"
key = base64.b64decode(request["secret"]) if "secret" in request else request["publicKeyPem"]
print(jws.decode(request["token"], key, algorithms=[request["alg"]]).decode("utf-8"))
`;

function canImportJwt(python: string): boolean {
  return spawnSync(python, ['-c', 'import jwt, cryptography'], { stdio: 'ignore' }).status === 0;
}

/** The first python that can import jwt: the one on PATH, else Debian's own (a pyenv python on PATH lacks apt packages). */
export const PYTHON_WITH_JWT: string | null = ['python3', '/usr/bin/python3'].find(canImportJwt) ?? null;

export type PyJwtKey = { readonly secret: Uint8Array } | { readonly publicKeyPem: string };

/** The payload text PyJWT accepts the token's signature over; throws with PyJWT's message when it does not. */
export function verifyWithPyJwt(token: string, alg: string, key: PyJwtKey): string {
  if (PYTHON_WITH_JWT === null) throw new Error('python3-jwt is not installed');
  const request = { token, alg, ...('secret' in key ? { secret: Buffer.from(key.secret).toString('base64') } : key) };
  const result = spawnSync(PYTHON_WITH_JWT, ['-c', VERIFY], { input: JSON.stringify(request), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`PyJWT rejected the token: ${result.stderr.trim().split('\n').pop()}`);
  return result.stdout.trim();
}
