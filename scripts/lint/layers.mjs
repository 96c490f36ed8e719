// The layers of src/: which folder may import which. scripts/lint/check-layers.mjs checks every
// import of src/ (type imports included) against this matrix, and ARCHITECTURE.md's "Layers"
// section is generated from it (`node scripts/lint.mjs --write-architecture`).

/**
 * A folder of src/ (`token`), or a module at its root (`errors.ts`).
 * @typedef {object} Layer
 * @property {string} name
 * @property {string} holds what it holds, for ARCHITECTURE.md
 * @property {readonly string[]} imports the layers it may import
 * @property {readonly string[]} [typeImports] the layers it may import with `import type` only
 */

/** Leaf modules every layer may import. */
export const EVERYWHERE = ['errors.ts', 'version.ts'];

/**
 * Lowest first: a layer names only layers on earlier rows (the lint checks
 * that), so the matrix has no cycle.
 * @type {readonly Layer[]}
 */
export const LAYERS = [
  { name: 'errors.ts', holds: 'InspectError: the stable codes and the one table mapping them to exit codes', imports: [] },
  { name: 'version.ts', holds: 'the version (kept equal to package.json)', imports: [] },
  {
    name: 'jose',
    holds: 'the algorithm tables (each JWS and JWE algorithm, the key it needs) and JWK member names, as plain data',
    imports: [],
  },
  { name: 'token', holds: 'text to tokens to decoded parts, faithful to the bytes; the JSON parser', imports: [] },
  { name: 'claims', holds: 'times, durations, instants, claim paths, --expect, diff', imports: ['token'] },
  {
    name: 'argv-route.ts',
    holds: 'which command argv names, and --json and --debug, read once before commander runs (boot and the program use it)',
    imports: [],
  },
  { name: 'io', holds: 'the Io interface and the real one: process, files, network, clipboard, cache, boot', imports: ['argv-route.ts'] },
  {
    name: 'keys',
    holds: 'secrets, PEM, JWK and JWKS into key sets; remote JWKS and discovery through Io',
    imports: ['jose'],
    typeImports: ['io'],
  },
  { name: 'verify', holds: 'the verdict: signature chain, decryption, claim checks', imports: ['jose', 'token', 'claims', 'keys'] },
  {
    name: 'audit',
    holds: 'the rule table, its detectors and weak-secret tests; the key facts the key rules read',
    imports: ['jose', 'token', 'claims', 'keys', 'verify'],
  },
  {
    name: 'jwks',
    holds: 'key facts, read for the JWKS rules (audit/rules/jwks.ts), and the key listing',
    imports: ['jose', 'claims', 'keys', 'audit'],
  },
  {
    name: 'sign',
    holds: 'signing keys, header and payload bytes in the order given, jose signing',
    imports: ['jose', 'token', 'claims', 'keys'],
    typeImports: ['io'],
  },
  {
    name: 'report',
    holds: 'the one orchestrator: builds the result object from decoding, the verdict and the rules',
    imports: ['token', 'claims', 'keys', 'verify', 'audit'],
  },
  {
    name: 'scan',
    holds: 'streaming token finder, HAR walker, collector: a report per token found, verified in batches',
    imports: ['token', 'claims', 'keys', 'verify', 'audit', 'report'],
    typeImports: ['io'],
  },
  {
    name: 'render',
    holds: 'terminal escaping, the theme, one text and one JSON renderer per command, SARIF: results into text',
    imports: ['jose', 'token', 'claims', 'keys', 'verify', 'audit', 'jwks', 'sign', 'report', 'scan'],
  },
  {
    name: 'cli',
    holds: 'commander wiring: options, input, which core call and which renderer',
    imports: ['argv-route.ts', 'jose', 'token', 'claims', 'keys', 'verify', 'audit', 'jwks', 'sign', 'report', 'scan', 'render'],
    typeImports: ['io'],
  },
  { name: 'entry.ts', holds: 'what the bundle exports: main and the real Io', imports: ['cli', 'io'] },
];

/** Why the matrix is drawn this way where the code could have gone either way; printed under the table. */
export const DECISIONS = [
  "`audit/` sits above `verify/`: the key rules read verify's own signature check (`audit/key-facts.ts`), " +
    'so an audit and a verify of the same token and key cannot disagree. A verdict never needs findings, ' +
    'so `verify/` imports no rule; `report/` puts the two together.',
  '`scan/` sits above `report/` because it makes a report of each token it finds; ' +
    '`render/` sits above every result it reads, and nothing but `cli/` imports it.',
  '`io/` is the edge of the program but low in the graph: it imports nothing of the core (only `argv-route.ts`, for boot), and the core sees ' +
    'only its `Io` interface, by `import type`; only `entry.ts` imports the real one.',
  '`jose/` holds data, not key objects: what compares an algorithm with a parsed key ' + '(the `keys/key.ts` types) lives in `keys/`, `verify/` or `sign/`.',
];

/**
 * File imports that break the matrix today, each with the planned change that
 * removes it. The lint fails on a break not listed here and on an entry whose
 * import is gone (or now allowed): the list only shrinks.
 * @type {ReadonlyArray<readonly [from: string, to: string, removedBy: string]>}
 */
export const KNOWN_BACK_EDGES = [];
