// verify and jwks against a JWKS served over http on 127.0.0.1 (loopback http needs no --allow-http),
// pinned per case in __files__/<name>.md (see snapshot.ts). The port is the OS's choice, so cases say
// <port> and the snapshot shows it so too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ROOT } from '../e2e/run-bin.js';
import { json, startHttp, type TestServer } from '../verify/helpers/servers.js';
import { expectSnapshot, FIXTURE_NOW, PORT, type Case } from './snapshot.js';

const JWKS_URL = `http://127.0.0.1:${PORT}/jwks.json`;

const CASES: readonly Case[] = [
  { name: 'remote-verify-jwks', args: [...FIXTURE_NOW, 'verify', '--jwks', JWKS_URL, { token: 'ES256' }] },
  { name: 'remote-jwks', args: [...FIXTURE_NOW, 'jwks', JWKS_URL] },
  // exit 4: the keys could not be fetched (the server answers 404).
  { name: 'remote-verify-jwks-not-found', args: [...FIXTURE_NOW, 'verify', '--jwks', `http://127.0.0.1:${PORT}/missing.json`, { token: 'ES256' }] },
];

describe('remote keys (built binary, local http server, file snapshots)', () => {
  let server: TestServer;
  let port = 0;

  beforeAll(async () => {
    server = await startHttp({ '/jwks.json': json(readFileSync(join(ROOT, 'test/fixtures/keys/jwks.json'), 'utf8')) });
    port = Number(new URL(server.origin).port);
  });
  afterAll(() => server.close());

  // Concurrent: each case is a process start; the context's expect is the one concurrent tests must use.
  it.concurrent.for(CASES)('$name', async (c, { expect }) => {
    await expectSnapshot(c, expect, port);
  });
});
