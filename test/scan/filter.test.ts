import { describe, expect, it } from 'vitest';
import { looksBinary, pathFilter } from '../../src/scan/filter.js';
import { globMatcher } from '../../src/scan/glob.js';

describe('globMatcher', () => {
  it.each([
    ['*.log', 'app.log', true],
    ['*.log', 'logs/2024/app.log', true],
    ['*.log', 'app.log.1', false],
    ['app.?og', 'app.log', true],
    ['logs/*.txt', 'logs/a.txt', true],
    ['logs/*.txt', 'logs/deep/a.txt', false],
    ['logs/**/*.txt', 'logs/a.txt', true],
    ['logs/**/*.txt', 'logs/deep/er/a.txt', true],
    ['**/fixtures/*', 'a/b/fixtures/x.json', true],
    ['dist/**', 'dist', true],
    ['dist/**', 'dist/a/b.js', true],
    ['dist/**', 'distant/a.js', false],
    ['./src/*.ts', 'src/a.ts', true],
    ['a+b(1).txt', 'a+b(1).txt', true],
    ['*', 'a/b', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(globMatcher(pattern)(path)).toBe(expected);
  });
});

describe('pathFilter', () => {
  it('always skips .git and node_modules folders, and folders --exclude names', () => {
    const filter = pathFilter([], ['build/**', 'vendor']);
    expect(['.git', 'a/node_modules', 'build', 'x/vendor', 'src'].map((p) => filter.skipFolder(p))).toEqual([true, true, true, true, false]);
  });

  it('keeps only files --include matches, minus those --exclude matches', () => {
    const filter = pathFilter(['*.log', '*.har'], ['old-*']);
    expect(['a.log', 'b.har', 'c.txt', 'old-a.log'].map((p) => filter.skipFile(p))).toEqual([false, false, true, true]);
    expect(pathFilter([], []).skipFile('anything.bin')).toBe(false);
  });
});

describe('looksBinary', () => {
  it('is true for a NUL byte in the first 8 KiB only', () => {
    expect(looksBinary(Buffer.from('PK\u0003\u0004\u0000\u0000'))).toBe(true);
    expect(looksBinary(Buffer.from('plain text é'))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0])]))).toBe(false);
  });
});
