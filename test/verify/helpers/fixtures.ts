import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** test/fixtures/keys, made by test/fixtures/make-keys.mjs. */
export const KEYS_DIR = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url));

export const keyPath = (name: string): string => `${KEYS_DIR}${name}`;
export const keyText = (name: string): string => readFileSync(keyPath(name), 'utf8');

interface TokenFixtures {
  readonly now: number;
  readonly secret: string;
  readonly claims: Record<string, string | number>;
  readonly tokens: Record<string, string>;
}

export const FIXTURES = JSON.parse(keyText('tokens.json')) as TokenFixtures;

/** A fixture token by name; throws on a typo so that a test cannot pass on `undefined`. */
export function fixtureToken(name: string): string {
  const token = FIXTURES.tokens[name];
  if (token === undefined) throw new Error(`no fixture token ${name}`);
  return token;
}

/** `--now` at the instant the fixture tokens were made for. */
export const AT_FIXTURE_TIME = ['--now', String(FIXTURES.now)];
