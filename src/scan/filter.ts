import type { WalkFilter } from '../io/io.js';
import { globMatcher, type PathMatcher } from './glob.js';

/** Folders that hold tooling, not the project's own text: never descended into. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules']);

/** `--exclude` prunes folders and files; `--include`, when given, keeps only the files it matches. */
export function pathFilter(include: readonly string[], exclude: readonly string[]): WalkFilter {
  const included: PathMatcher[] = include.map(globMatcher);
  const excluded: PathMatcher[] = exclude.map(globMatcher);
  const isExcluded = (path: string): boolean => excluded.some((m) => m(path));
  return {
    skipFolder: (path) => SKIPPED_FOLDERS.has(path.slice(path.lastIndexOf('/') + 1)) || isExcluded(path),
    skipFile: (path) => isExcluded(path) || (included.length > 0 && !included.some((m) => m(path))),
  };
}

/** Git's test for a binary file: a NUL byte in the first 8,000 bytes (we read 8 KiB). */
const BINARY_SNIFF_BYTES = 8192;

export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1;
}
