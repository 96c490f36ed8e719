// The log that `npm run bench` scans: deterministic, realistic lines, sparse tokens.
import { closeSync, openSync, writeSync } from 'node:fs';
import { hs256Token } from '../lib/tokens.mjs';

/**
 * A small deterministic PRNG (mulberry32), so every run scans the same log.
 * @param {number} seed
 */
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
/**
 * @template T
 * @param {readonly T[]} list
 */
const pick = (list) => /** @type {T} */ (list[Math.floor(random() * list.length)]);
/** @param {number} n */
const int = (n) => Math.floor(random() * n);

/** @param {object} payload */
function hs256(payload) {
  return hs256Token({ alg: 'HS256', typ: 'JWT', kid: `k${int(4)}` }, payload, 'bench-secret');
}
const tokens = Array.from({ length: 200 }, (_, i) =>
  hs256({ iss: 'https://idp.example.com', sub: `user-${i}`, aud: 'api', iat: 1714560000 + i, exp: 1714563600 + i, scope: 'read write' }),
);

const paths = ['/api/v1/orders', '/api/v1/customers/12345', '/healthz', '/static/app.4f3c2a.js', '/api/v1/search', '/login', '/api/v2/invoices/2024-05'];
const agents = ['Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', 'curl/8.5.0', 'okhttp/4.12.0', 'Go-http-client/2.0'];
const levels = ['INFO', 'DEBUG', 'WARN', 'INFO', 'INFO'];
const classes = ['c.e.api.OrderController', 'c.e.svc.CustomerService', 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'c.e.api.RequestLogger'];
/** @param {number} n */
const time = (n) => new Date(Date.UTC(2024, 4, 1) + n * 37).toISOString();

/** @param {number} n */
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

/** @param {number} n */
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

/**
 * A log of about `bytes` bytes: access, JSON and app lines, a token on about 1 line in 1,000.
 * @param {string} path
 * @param {number} bytes
 */
export function writeScanLog(path, bytes) {
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
