import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOW } from './fixtures.mjs';

/** @typedef {{ name: string, args: string[], target: string, targetRatio: number }} StartupCase */

/**
 * The start-up cases of the performance targets, as ratios to `node -e 0`.
 * @param {string} root
 * @param {import('./fixtures.mjs').KeyFixtures} fixtures
 * @returns {StartupCase[]}
 */
export function startupCases(root, fixtures) {
  const token = readFileSync(join(root, 'examples', 'sensitive-token.txt'), 'utf8').trim();
  const now = ['--now', String(NOW)];
  const fast = { target: '≤ 1.3x', targetRatio: 1.3 };
  const verify = { target: '≤ 1.4x', targetRatio: 1.4 };
  return [
    { name: '`decode <token>`', args: ['decode', token], ...fast },
    { name: '`decode --json <token>`', args: ['decode', '--json', token], ...fast },
    { name: '`--help`', args: ['--help'], ...fast },
    { name: '`--version`', args: ['--version'], ...fast },
    { name: '`verify --key <pem>` RS256', args: ['verify', ...now, '--key', fixtures.rsaPem, fixtures.rsToken], ...verify },
    { name: '`verify --key <pem>` ES256', args: ['verify', ...now, '--key', fixtures.ecPem, fixtures.esToken], ...verify },
    { name: '`verify --jwks <file>` RS256', args: ['verify', ...now, '--jwks', fixtures.jwks, fixtures.rsToken], ...verify },
    { name: '`verify --jwks <file>` ES256', args: ['verify', ...now, '--jwks', fixtures.jwks, fixtures.esToken], ...verify },
  ];
}
