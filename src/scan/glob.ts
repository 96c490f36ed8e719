/**
 * Globs for `--include` and `--exclude`, the gitignore way: `*` matches
 * within one path segment, `**` across segments (`a/**\/b` also matches
 * `a/b`), `?` one character. A pattern without a `/` matches the base name
 * at any depth (`*.log`); one with a `/` matches the path from the folder
 * being scanned (`logs/**\/*.txt`).
 */
export type PathMatcher = (relativePath: string) => boolean;

const SPECIAL = /[.+^${}()|[\]\\]/;

function globSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      if (atSegmentStart && slashAfter) {
        out += '(?:.*/)?';
        i += 2;
      } else if (atSegmentStart && i + 2 === pattern.length && i > 0) {
        // `dir/**`: the folder itself and everything below it.
        out = `${out.slice(0, -1)}(?:/.*)?`;
        i += 1;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += SPECIAL.test(c) ? `\\${c}` : c;
  }
  return out;
}

export function globMatcher(pattern: string): PathMatcher {
  const clean = pattern.replace(/^\.\//, '').replace(/^\//, '');
  const re = new RegExp(`^${globSource(clean)}$`);
  if (clean.includes('/')) return (path) => re.test(path);
  return (path) => re.test(path.slice(path.lastIndexOf('/') + 1));
}
