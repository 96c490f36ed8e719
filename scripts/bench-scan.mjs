#!/usr/bin/env node
// Scan throughput and peak memory (issue #7): generates a log with a token on
// about 1 line in 1,000 under a temporary folder, then times the whole process
// `jwt-inspect scan <log> --json > /dev/null` after a warm-up and
// reports the median MB/s and the peak RSS. Run `npm run build` first (the
// binary is the package's `bin`).
//   node scripts/bench-scan.mjs [--mb 200] [--runs 5]
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['jwt-inspect']);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const targetMb = arg('mb', 200);
const runs = arg('runs', 5);

/** A small deterministic PRNG (mulberry32), so every run scans the same log. */
function prng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(7);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
function hs256(payload) {
  const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: `k${int(4)}` })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', 'bench-secret').update(input).digest('base64url')}`;
}
const tokens = Array.from({ length: 200 }, (_, i) =>
  hs256({ iss: 'https://idp.example.com', sub: `user-${i}`, aud: 'api', iat: 1714560000 + i, exp: 1714563600 + i, scope: 'read write' }),
);

const paths = ['/api/v1/orders', '/api/v1/customers/12345', '/healthz', '/static/app.4f3c2a.js', '/api/v1/search', '/login', '/api/v2/invoices/2024-05'];
const agents = ['Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', 'curl/8.5.0', 'okhttp/4.12.0', 'Go-http-client/2.0'];
const levels = ['INFO', 'DEBUG', 'WARN', 'INFO', 'INFO'];
const classes = ['c.e.api.OrderController', 'c.e.svc.CustomerService', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'c.e.api.RequestLogger'];
const time = (n) => new Date(Date.UTC(2024, 4, 1) + n * 37).toISOString();

function plainLine(n) {
  switch (int(3)) {
    case 0:
      return `203.0.113.${int(255)} - - [${time(n)}] "GET ${pick(paths)}?page=${int(40)}&size=50 HTTP/1.1" ${pick([200, 200, 304, 404, 500])} ${int(90000)} "-" "${pick(agents)}"`;
    case 1:
      return `{"ts":"${time(n)}","level":"${pick(levels).toLowerCase()}","msg":"request completed","method":"GET","path":"${pick(paths)}","status":200,"duration_ms":${int(900)},"request_id":"${int(1e9).toString(16)}-${int(1e9).toString(16)}"}`;
    default:
      return `${time(n)} ${pick(levels)} [http-nio-8080-exec-${int(16)}] ${pick(classes)} - Loaded ${int(200)} rows for customer ${int(99999)} in ${int(80)} ms`;
  }
}

function tokenLine(n) {
  const t = pick(tokens);
  switch (int(3)) {
    case 0:
      return `${time(n)} DEBUG [http-nio-8080-exec-${int(16)}] c.e.api.AuthFilter - Authorization: Bearer ${t}`;
    case 1:
      return `203.0.113.${int(255)} - - [${time(n)}] "GET /callback?state=${int(1e6)}&access_token=${t} HTTP/1.1" 302 0 "-" "${pick(agents)}"`;
    default:
      return `{"ts":"${time(n)}","level":"debug","msg":"token issued","id_token":"${t}","expires_in":3600}`;
  }
}

function generate(path, bytes) {
  const fd = openSync(path, 'w');
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const lines = [];
    for (let i = 0; i < 5000; i++, n++) lines.push(int(1000) === 0 ? tokenLine(n) : plainLine(n));
    written += writeSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
}

/** The whole process, timed, with its peak RSS reported by a hook loaded before the program. */
function runScan(log) {
  const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxrss=${process.resourceUsage().maxRSS}\\n`))';
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', hook, bin, 'scan', log, '--json', '--now', '1714560000'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /maxrss=(\d+)/.exec(stderr);
      const errors = stderr.replace(/\nmaxrss=\d+\n/, '');
      // Exit 1 is expected (the tokens have findings at --fail-on high); anything else means the scan did not run.
      if ((code !== 0 && code !== 1) || errors !== '' || !rss) return fail(new Error(`scan failed (exit ${code}): ${errors}`));
      done({ seconds, rssMiB: Number(rss[1]) / 1024 });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-bench-'));
try {
  const log = join(dir, 'app.log');
  generate(log, targetMb * 1e6);
  const mb = statSync(log).size / 1e6;
  await runScan(log);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runScan(log));
  const rates = results.map((r) => mb / r.seconds);
  const rss = Math.max(...results.map((r) => r.rssMiB));
  console.log(`scan of a ${mb.toFixed(0)} MB log (a token on ~1 line in 1,000), ${runs} runs after a warm-up:`);
  console.log(`  throughput  median ${median(rates).toFixed(0)} MB/s (min ${Math.min(...rates).toFixed(0)}, max ${Math.max(...rates).toFixed(0)}); target >= 500 MB/s`);
  console.log(`  peak RSS    ${rss.toFixed(1)} MiB (whole process, worst run); target <= 100 MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
