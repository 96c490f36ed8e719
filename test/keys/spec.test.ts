import { describe, expect, it } from 'vitest';
import { keySpecOf } from '../../src/cli/key-options.js';
import { discoveryUrl } from '../../src/keys/remote-keys.js';
import { isLoopbackHost, remoteUrlProblem } from '../../src/keys/remote-url.js';

describe('keySpecOf', () => {
  it.each([
    [{ secret: 's' }, { kind: 'secret', from: 'argument', value: 's', base64: false }],
    [
      { secretEnv: 'S', secretBase64: true },
      { kind: 'secret', from: 'env', value: 'S', base64: true },
    ],
    [{ secretFile: 'f' }, { kind: 'secret', from: 'file', value: 'f', base64: false }],
    [{ key: '-' }, { kind: 'key-file', path: '-' }],
    [{ jwks: 'keys/jwks.json' }, { kind: 'jwks-file', path: 'keys/jwks.json' }],
    [{ jwks: 'https://idp.example/jwks' }, { kind: 'jwks-url', url: 'https://idp.example/jwks' }],
    [{ jwks: 'http://127.0.0.1:8080/jwks' }, { kind: 'jwks-url', url: 'http://127.0.0.1:8080/jwks' }],
    [
      { jwks: 'http://idp.example/jwks', allowHttp: true },
      { kind: 'jwks-url', url: 'http://idp.example/jwks' },
    ],
    [{ issuer: 'https://idp.example/' }, { kind: 'issuer', issuer: 'https://idp.example/' }],
    [{}, null],
  ])('reads %j', (options, spec) => {
    expect(keySpecOf(options)).toEqual(spec);
  });

  it.each([
    [{ secret: 's', jwks: 'j' }, 'give one key source; got --secret and --jwks'],
    [{ secretBase64: true, key: 'k' }, '--secret-base64 goes with'],
    [{ jwks: 'http://idp.example/jwks' }, 'use https://, or --allow-http'],
    [{ issuer: 'ftp://idp.example' }, 'only https:// URLs'],
    [{ issuer: 'idp.example' }, 'not a URL'],
  ])('refuses %j as a usage error', (options, message) => {
    expect(() => keySpecOf(options)).toThrow(expect.objectContaining({ code: 'ERR_USAGE', message: expect.stringContaining(message) }));
  });
});

describe('remote URLs', () => {
  it.each([
    ['localhost', true],
    ['api.localhost', true],
    ['127.0.0.1', true],
    ['127.200.3.4', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('allows https, loopback http and --allow-http only', () => {
    expect(remoteUrlProblem(new URL('https://x.example'), false)).toBeNull();
    expect(remoteUrlProblem(new URL('http://127.1/'), false)).toBeNull();
    expect(remoteUrlProblem(new URL('http://x.example'), true)).toBeNull();
    expect(remoteUrlProblem(new URL('http://x.example'), false)).toMatch(/--allow-http/);
    expect(remoteUrlProblem(new URL('file:///etc/passwd'), true)).toMatch(/only https/);
  });

  it.each([
    ['https://idp.example', 'https://idp.example/.well-known/openid-configuration'],
    ['https://idp.example/', 'https://idp.example/.well-known/openid-configuration'],
    ['https://idp.example/tenant/v2', 'https://idp.example/tenant/v2/.well-known/openid-configuration'],
  ])('discovers %s at %s (OpenID Connect Discovery §4)', (issuer, url) => {
    expect(discoveryUrl(issuer)).toBe(url);
  });
});
