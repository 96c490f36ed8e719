import { readFile } from 'node:fs/promises';

/**
 * An esbuild plugin: commander requires node:child_process at load time, only to
 * run executable subcommands, which jwt-inspect does not have. Loading it (with net,
 * dgram and the stream stack behind it) was the largest single cost of starting up,
 * so the require is deferred to the moment a spawn would happen. Fails the build if
 * commander changes shape, rather than silently losing the patch.
 * @type {import('esbuild').Plugin}
 */
export const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${path}: no eager child_process require to defer; check the commander upgrade`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};
