import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import https from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT` or `https://...`, no trailing slash. */
  readonly origin: string;
  /** The paths asked for, in order. */
  readonly requests: string[];
  /** Replace the handler of a path (the routes are live). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

function listen(server: Server, scheme: string, routes: Map<string, Handler>, requests: string[]): Promise<TestServer> {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `${scheme}://127.0.0.1:${port}`,
        requests,
        route: (path, handler) => void routes.set(path, handler),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startHttp(routes: Record<string, Handler> = {}): Promise<TestServer> {
  return listen(http.createServer(), 'http', new Map(Object.entries(routes)), []);
}

export interface Certificate {
  readonly cert: string;
  readonly key: string;
  /** Where the certificate is written, for `--ca`. */
  readonly certPath: string;
  readonly dispose: () => void;
}

/**
 * Is the openssl command there? The https cases need it to make a
 * certificate; without it they are skipped, and a note says so. Under CI
 * they are never skipped: a runner without openssl fails them instead.
 */
export function hasOpenssl(what: string): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env['CI']) return true;
    console.warn(`NOTE: openssl is missing, so ${what} are skipped`);
    return false;
  }
}

export interface CertificateOptions {
  /** The subjectAltName the certificate is for (default: this machine, 127.0.0.1 and localhost). */
  readonly subjectAltName?: string;
  /** Valid until a day before it was made, to test the refusal of an expired certificate. */
  readonly expired?: boolean;
}

/** A self-signed certificate, made now with openssl: for 127.0.0.1 and localhost unless told otherwise. */
export function makeCertificate(options: CertificateOptions = {}): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-inspect-cert-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const requestPath = join(dir, 'request.csr');
  const extensionsPath = join(dir, 'extensions.cnf');
  writeFileSync(extensionsPath, `basicConstraints=critical,CA:TRUE\nsubjectAltName=${options.subjectAltName ?? 'IP:127.0.0.1,DNS:localhost'}\n`);
  const openssl = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyPath, '-out', requestPath, '-subj', '/CN=localhost']);
  // `req -x509` takes no negative -days; `x509 -req` does, which makes a certificate that expired yesterday.
  openssl(['x509', '-req', '-in', requestPath, '-signkey', keyPath, '-out', certPath, '-days', options.expired ? '-1' : '2', '-extfile', extensionsPath]);
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startHttps(certificate: Certificate, routes: Record<string, Handler> = {}): Promise<TestServer> {
  return listen(https.createServer({ cert: certificate.cert, key: certificate.key }), 'https', new Map(Object.entries(routes)), []);
}

export interface TestProxy {
  readonly url: string;
  /** `CONNECT host:port` targets and absolute-URI GETs, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

/**
 * A small forward proxy: CONNECT tunnels for https (RFC 9110 §9.3.6) and
 * absolute-URI requests for http. `refuse` makes it answer 403 to everything.
 */
export function startProxy(refuse = false): Promise<TestProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`GET ${req.url}`);
    if (refuse) return void res.writeHead(403).end();
    const upstream = http.request(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    sockets.add(client);
    if (refuse) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const [host, port] = (req.url ?? '').split(':');
    const target = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(client).pipe(target);
    });
    sockets.add(target);
    const end = (): void => void [client, target].forEach((s) => s.destroy());
    target.on('error', end);
    client.on('error', end);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A handler that answers JSON with these headers. */
export function json(body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
}
