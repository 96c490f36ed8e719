import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedToken } from '../lib/tokens.mjs';

const NOW = '1768478700';

/**
 * A signed token and the files to verify it with, so verify's code is in the cache too.
 * @param {string} dir
 */
function verifyFixtures(dir) {
  const claims = { iss: 'https://idp.example.com', sub: 'u', aud: 'api', iat: Number(NOW) - 60, exp: Number(NOW) + 600 };
  const keys = { RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }), ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }) };
  const jwks = [];
  const runs = [];
  for (const [alg, { publicKey, privateKey }] of Object.entries(keys)) {
    const token = signedToken(alg, privateKey, claims, alg);
    const pem = join(dir, `${alg}.pem`);
    writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }));
    jwks.push({ ...publicKey.export({ format: 'jwk' }), kid: alg, alg, use: 'sig' });
    runs.push(['verify', '--now', NOW, '--key', pem, token], ['verify', '--now', NOW, '--jwks', join(dir, 'jwks.json'), token]);
  }
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: jwks }));
  return runs;
}

/**
 * The commands whose start-up matters most, by the code cache (see src/io/boot.ts)
 * they train: what they compile goes into that cache. Files go in `work`.
 * @param {string} root
 * @param {string} work
 * @returns {Record<string, string[][]>}
 */
export function trainingRuns(root, work) {
  const token = readFileSync(join(root, 'examples', 'sensitive-token.txt'), 'utf8').trim();
  return {
    // Only what the start-up targets time: every function trained here is read at every start.
    default: [['decode', '--now', NOW, token], ['decode', '--json', '--now', NOW, token], ['--help']],
    verify: verifyFixtures(work),
  };
}
