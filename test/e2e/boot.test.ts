import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jws } from '../helpers/tokens.js';
import { ROOT } from './run-bin.js';

const BOOT = join(ROOT, 'dist', 'boot.cjs');
const { CACHE_NAMES } = createRequire(import.meta.url)(BOOT) as { CACHE_NAMES: readonly string[] };

describe('the built bundle and its code caches', () => {
  // A refused cache still runs, only slower: nothing else would notice.
  it.each(CACHE_NAMES)('V8 accepts the %s code cache', (name) => {
    const script = `process.stdout.write(String(require(${JSON.stringify(BOOT)}).loadBundle(${JSON.stringify(name)}).cacheRejected))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
  });
});

describe('the thread pool a scan gets', () => {
  const BIN = join(ROOT, 'bin', 'jwt-inspect.cjs');
  // A hook preloaded into the binary's own process reports the variable libuv reads on first use of its pool.
  const REPORT = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\npool=${process.env.UV_THREADPOOL_SIZE}\\n`))';
  const poolOf = (args: string[], env: Record<string, string> = {}): string => {
    const r = spawnSync(process.execPath, ['--import', REPORT, BIN, ...args], {
      encoding: 'utf8',
      input: '',
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env },
    });
    return /pool=(\S+)/.exec(r.stderr)?.[1] ?? `no report: ${r.stderr}`;
  };

  it('is one thread per core left over by the JavaScript thread, for a scan only', () => {
    expect(poolOf(['scan', join(ROOT, 'examples')])).toBe(String(Math.max(1, availableParallelism() - 1)));
    expect(poolOf(['--version'])).toBe('undefined');
  });

  it('is what the user chose, when they chose', () => {
    expect(poolOf(['scan', join(ROOT, 'examples')], { UV_THREADPOOL_SIZE: '3' })).toBe('3');
  });
});

describe('what a run loads of Node itself', () => {
  const BIN = join(ROOT, 'bin', 'jwt-inspect.cjs');
  const hookDir = mkdtempSync(join(tmpdir(), 'jwt-inspect-boot-'));
  const HOOK = join(hookDir, 'report-modules.cjs');
  // Written at exit with writeSync, so that the report itself loads no stream.
  writeFileSync(
    HOOK,
    `process.on('exit', () => require('node:fs').writeSync(2, '\\nmodules=' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(',') + '\\n'));`,
  );
  afterAll(() => rmSync(hookDir, { recursive: true, force: true }));
  const HEAVY = ['stream', 'net', 'tty', 'crypto', 'module'];

  const loaded = (args: string[]): string[] => {
    const r = spawnSync(process.execPath, ['--require', HOOK, BIN, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '' },
    });
    const report = /modules=(.*)/.exec(r.stderr)?.[1];
    if (report === undefined) throw new Error(`no module report: ${r.stderr}`);
    return report.split(',').filter((m) => HEAVY.includes(m));
  };
  const rs256 = jws({ alg: 'RS256', typ: 'JWT' }, { sub: 'x' }, 'A'.repeat(342));

  it.each([[['--version']], [['--help']], [['decode', '--help']], [['decode', rs256]], [['decode', '--json', rs256]]])(
    '%j loads none of node:stream, net, tty, crypto and module',
    (args) => {
      expect(loaded(args)).toEqual([]);
    },
  );
});
