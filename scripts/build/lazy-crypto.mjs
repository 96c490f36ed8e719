import { createRequire } from 'node:module';

const NAMESPACE = 'lazy-crypto';
const EXPORTS = Object.keys(createRequire(import.meta.url)('node:crypto'));

/**
 * An esbuild plugin: node:crypto loads a dozen internal modules and the stream
 * stack (about 4 ms), and the bundle's modules import it at load time although
 * most runs of --help, --version and decode of an RSA or EC token never call it.
 * Every import gets a stand-in whose exports require the real module on first
 * touch, so a run pays for it only when it hashes, signs or imports a key.
 */
export const lazyCrypto = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^(?:node:)?crypto$/ }, (args) =>
      args.namespace === NAMESPACE ? { path: 'node:crypto', external: true } : { path: 'node:crypto', namespace: NAMESPACE },
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
      loader: 'js',
      contents: [
        'let crypto;',
        "const load = () => (crypto ??= require('node:crypto'));",
        `for (const name of ${JSON.stringify(EXPORTS)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
      ].join('\n'),
    }));
  },
};
