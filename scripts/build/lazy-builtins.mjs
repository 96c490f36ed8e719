import { createRequire } from 'node:module';

/**
 * What each deferred built-in costs a run that never calls it: node:crypto
 * loads a dozen internal modules and the stream stack (about 3 ms), node:module
 * its loader and source-map code, node:tty the net stack. The bundle's modules
 * import them at load time, although --help, --version and a decode of an RSA
 * or EC token call none of them.
 */
const DEFERRED = ['crypto', 'module', 'tty'];

const NAMESPACE = 'lazy-builtin';
const require = createRequire(import.meta.url);

/**
 * An esbuild plugin: every import of a deferred built-in gets a stand-in whose
 * exports require the real module on first touch, so a run pays for it only
 * when it hashes, signs, imports a key, asks a terminal or loads clipboardy.
 * @type {import('esbuild').Plugin}
 */
export const lazyBuiltins = {
  name: NAMESPACE,
  setup(build) {
    const filter = new RegExp(`^(?:node:)?(?:${DEFERRED.join('|')})$`);
    build.onResolve({ filter }, (args) => {
      const path = `node:${args.path.replace(/^node:/, '')}`;
      return args.namespace === NAMESPACE ? { path, external: true } : { path, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      loader: 'js',
      contents: [
        'let loaded;',
        `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
        `for (const name of ${JSON.stringify(Object.keys(require(args.path)))}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
      ].join('\n'),
    }));
  },
};
