import type { Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFailed, type Files, type WalkedFile, type WalkFilter } from './io.js';

/**
 * Read size for streaming. Large enough that per-chunk work vanishes next to
 * the byte search, small enough to stay a rounding error in memory.
 */
const CHUNK_BYTES = 1024 * 1024;

function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? 'error';
}

async function* streamFile(path: string): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw readFailed(path, cause);
  }
  // Two buffers, so that the next read runs while the reader works on this
  // chunk; each is reused once the reader has asked for the chunk after it.
  let current = Buffer.allocUnsafe(CHUNK_BYTES);
  let spare = Buffer.allocUnsafe(CHUNK_BYTES);
  let reading = handle.read(current, 0, CHUNK_BYTES, null);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      reading = handle.read(spare, 0, CHUNK_BYTES, null);
      yield current.subarray(0, bytesRead);
      [current, spare] = [spare, current];
    }
  } catch (cause) {
    throw readFailed(path, cause);
  } finally {
    // A reader that stops early leaves a read in flight: let it land before closing.
    await reading.catch(() => undefined);
    await handle.close();
  }
}

type Kind = 'folder' | 'file' | 'other';

async function kindOf(path: string, entry: Dirent): Promise<Kind> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  const target = await stat(path);
  return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
}

class Walk {
  /** Real paths of the folders and files already visited: a link loop or a second link to a place ends here. */
  readonly #seen = new Set<string>();

  constructor(
    readonly filter: WalkFilter,
    readonly onSkip: (path: string, reason: string) => void,
  ) {}

  async *folder(path: string, relative: string): AsyncGenerator<WalkedFile> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(path);
      if (this.#seen.has(real)) return;
      this.#seen.add(real);
      entries = await readdir(path, { withFileTypes: true });
    } catch (cause) {
      this.onSkip(path, errorCode(cause));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = join(path, entry.name);
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      let kind: Kind;
      try {
        kind = await kindOf(child, entry);
      } catch (cause) {
        this.onSkip(child, errorCode(cause));
        continue;
      }
      if (kind === 'folder' && !this.filter.skipFolder(childRelative)) yield* this.folder(child, childRelative);
      if (kind === 'file' && !this.filter.skipFile(childRelative) && (await this.#firstVisit(child, real, entry))) {
        yield { path: child, fromFolder: true };
      }
    }
  }

  async #firstVisit(path: string, realFolder: string, entry: Dirent): Promise<boolean> {
    const real = entry.isSymbolicLink() ? await realpath(path) : join(realFolder, entry.name);
    if (this.#seen.has(real)) return false;
    this.#seen.add(real);
    return true;
  }
}

async function* walk(path: string, filter: WalkFilter, onSkip: (path: string, reason: string) => void): AsyncGenerator<WalkedFile> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (cause) {
    throw readFailed(path, cause);
  }
  if (isFolder) yield* new Walk(filter, onSkip).folder(path, '');
  else yield { path, fromFolder: false };
}

/** The real file system, for scan. Imported only when a scan runs. */
export const realFiles: Files = { walk, stream: streamFile };
