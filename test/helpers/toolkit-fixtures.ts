import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of a file under test/fixtures/toolkit (made by generate.mjs there). */
export function toolkitFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/toolkit/${name}`, import.meta.url));
}

export function readToolkitFixture(name: string): string {
  return readFileSync(toolkitFixture(name), 'utf8');
}
