import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InspectError } from '../../src/errors.js';
import { realFiles } from '../../src/io/files.js';
import { pathFilter } from '../../src/scan/filter.js';

let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'jwt-inspect-walk-'));
  const file = (path: string, body: string | Buffer = 'text\n') => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), body);
  };
  file('b.log');
  file('a.txt');
  file('logs/2024/app.log');
  file('.git/config');
  file('node_modules/pkg/index.js');
  file('img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  symlinkSync(join(root, 'logs'), join(root, 'logs/2024/loop'));
  symlinkSync(join(root, 'a.txt'), join(root, 'same-as-a.txt'));
  symlinkSync(join(root, 'missing'), join(root, 'dangling'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function walk(path: string, include: string[] = [], exclude: string[] = []) {
  const files: string[] = [];
  const skipped: string[] = [];
  for await (const f of realFiles.walk(path, pathFilter(include, exclude), (p, why) => skipped.push(`${p.slice(root.length + 1)} ${why}`))) {
    files.push(`${f.path.startsWith(root) ? f.path.slice(root.length + 1) : f.path}${f.fromFolder ? '' : ' (named)'}`);
  }
  return { files, skipped };
}

describe('realFiles.walk', () => {
  it('lists files depth first in name order, skipping .git and node_modules, surviving a link loop', async () => {
    const { files, skipped } = await walk(root);
    expect(files).toEqual(['a.txt', 'b.log', 'img/logo.png', 'logs/2024/app.log']);
    expect(skipped).toEqual(['dangling ENOENT']);
  });

  it('applies --include and --exclude', async () => {
    expect((await walk(root, ['*.log'])).files).toEqual(['b.log', 'logs/2024/app.log']);
    expect((await walk(root, [], ['logs/**', '*.png'])).files).toEqual(['a.txt', 'b.log']);
  });

  it('gives a named file back as named, whatever the filter says', async () => {
    expect((await walk(join(root, 'img/logo.png'), ['*.log'])).files).toEqual(['img/logo.png (named)']);
  });

  it('says a missing path is an input error', async () => {
    await expect(walk(join(root, 'nope'))).rejects.toMatchObject({ code: 'ERR_READ_FAILED' });
    await expect(walk(join(root, 'nope'))).rejects.toBeInstanceOf(InspectError);
  });
});

describe('realFiles.stream', () => {
  it('streams a file larger than one chunk, every byte in order', async () => {
    const big = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    writeFileSync(join(root, 'big.bin'), big);
    const chunks: Buffer[] = [];
    for await (const chunk of realFiles.stream(join(root, 'big.bin'))) chunks.push(Buffer.from(chunk));
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
    rmSync(join(root, 'big.bin'));
  });

  it('closes the file when the reader stops early', async () => {
    const path = join(root, 'big.bin');
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 0x61));
    // The open descriptors of this process, where the system lists them (Linux).
    const openOnPath = (): number | null => {
      if (!existsSync('/proc/self/fd')) return null;
      const real = realpathSync(path);
      return readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === real;
        } catch {
          return false;
        }
      }).length;
    };
    for await (const chunk of realFiles.stream(path)) {
      expect(chunk.length).toBeGreaterThan(0);
      if (openOnPath() !== null) expect(openOnPath()).toBe(1);
      break;
    }
    if (openOnPath() !== null) expect(openOnPath()).toBe(0);
    rmSync(path);
  });
});
