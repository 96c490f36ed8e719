import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { DocumentCache, Env } from './io.js';

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * $XDG_CACHE_HOME/jwt-inspect, else ~/.cache/jwt-inspect (XDG Base Directory
 * spec: a relative XDG_CACHE_HOME is invalid and ignored); null when neither
 * variable says where, and then nothing is cached.
 */
function cacheDirectory(env: Env): string | null {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'jwt-inspect');
  const home = env['HOME'];
  return home !== undefined && home !== '' ? join(home, '.cache', 'jwt-inspect') : null;
}

/** The disk cache of fetched documents, one file per entry, each written whole or not at all. */
export function diskCache(env: Env): DocumentCache {
  const dir = cacheDirectory(env);
  const path = (name: string): string | null => (dir !== null && SAFE_NAME.test(name) ? join(dir, name) : null);
  return {
    async read(name) {
      const file = path(name);
      if (file === null) return null;
      try {
        return await readFile(file, 'utf8');
      } catch {
        return null;
      }
    },
    async write(name, text) {
      const file = path(name);
      if (dir === null || file === null) return;
      // Write beside the entry, then rename over it: rename is atomic within a directory (POSIX rename(2)).
      const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFile(temp, text, { mode: 0o600 });
        await rename(temp, file);
      } catch (cause) {
        // Where the folder is not one (a file in its place), even removing the temporary file fails: nothing was left to remove.
        await rm(temp, { force: true }).catch(() => undefined);
        throw new Error(`cannot write ${dir} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
      }
    },
  };
}
