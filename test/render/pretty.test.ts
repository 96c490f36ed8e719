import { encode } from 'jose/base64url';
import { describe, expect, it } from 'vitest';
import { prettyLines } from '../../src/render/pretty.js';
import { loadTheme, PLAIN_THEME } from '../../src/render/theme.js';
import { decodeToken } from '../../src/token/decode.js';
import type { JsonObject } from '../../src/token/json.js';

/** One part of a compact token: text as given (byte for byte), anything else as its JSON. */
const part = (value: unknown): string => encode(typeof value === 'string' ? value : JSON.stringify(value));
/** A compact JWS whose signature nothing made (9 bytes, unless given). */
const jws = (header: unknown, payload: unknown, signature = encode('signature')): string => `${part(header)}.${part(payload)}.${signature}`;

/** The claims of a token whose payload is this JSON text, byte for byte, as decode reads them. */
const claims = (payload: string): JsonObject => decodeToken(jws('{"alg":"HS256"}', payload)).claims!;
const visible = (lines: string[]): string[] => lines.map((l) => l.replaceAll('\u001b', '␛'));
const NO_MARKS = new Map<string, string>();

describe('prettyLines', () => {
  it('lays out one member per line, keeping member order, duplicates and digits as the token has them', () => {
    const node = claims('{"a":1.50,"a":12345678901234567890,"e":1e3,"o":{"x":[true,null,{}],"e":[]},"s":"v"}');
    expect(prettyLines(node, PLAIN_THEME, NO_MARKS, 'payload')).toEqual([
      '{',
      '  "a": 1.50,',
      '  "a": 12345678901234567890,',
      '  "e": 1e3,',
      '  "o": {',
      '    "x": [',
      '      true,',
      '      null,',
      '      {}',
      '    ],',
      '    "e": []',
      '  },',
      '  "s": "v"',
      '}',
    ]);
  });

  it('prints an empty object on one line', () => {
    expect(prettyLines(claims('{}'), PLAIN_THEME, NO_MARKS, 'payload')).toEqual(['{}']);
  });

  it('indents by the given width', () => {
    expect(prettyLines(claims('{"a":{"b":[1]}}'), PLAIN_THEME, NO_MARKS, 'payload', 4)).toEqual([
      '{',
      '    "a": {',
      '        "b": [',
      '            1',
      '        ]',
      '    }',
      '}',
    ]);
  });

  it('puts a mark beside the line of its path: members, quoted names, array items and the opening line of an object', () => {
    const node = claims('{"o":{"x":[true,null]},"https://x/roles":["admin"],"password":"p"}');
    const marks = new Map([
      ['payload.o', 'M1'],
      ['payload.o.x[1]', 'M2'],
      ['payload["https://x/roles"][0]', 'M3'],
      ['payload.password', 'M4'],
      // Paths in another part mark nothing here.
      ['header.password', 'M5'],
    ]);
    expect(prettyLines(node, PLAIN_THEME, marks, 'payload')).toEqual([
      '{',
      '  "o": {  M1',
      '    "x": [',
      '      true,',
      '      null  M2',
      '    ]',
      '  },',
      '  "https://x/roles": [',
      '    "admin"  M3',
      '  ],',
      '  "password": "p"  M4',
      '}',
    ]);
  });

  it('escapes control characters, ANSI escapes and bidi overrides in member names and values', () => {
    const node = claims(JSON.stringify({ 'ad\u202emin': '\u001b]0;title\u0007', '\u001b[2J': ['\u009b31m', 'line\nbreak', 'a\u200bb'] }));
    expect(prettyLines(node, PLAIN_THEME, NO_MARKS, 'payload')).toEqual([
      '{',
      String.raw`  "ad\u202emin": "\u001b]0;title\u0007",`,
      String.raw`  "\u001b[2J": [`,
      String.raw`    "\u009b31m",`,
      String.raw`    "line\nbreak",`,
      String.raw`    "a\u200bb"`,
      '  ]',
      '}',
    ]);
  });

  it('colours names, strings, numbers, literals and punctuation when colour is on', async () => {
    const theme = await loadTheme(1);
    const node = claims('{"n":1e3,"b":false,"z":null,"s":"v","e":{},"a":[1]}');
    expect(visible(prettyLines(node, theme, new Map([['payload.s', theme.severity('high', '◀ high')]]), 'payload'))).toEqual([
      '␛[2m{␛[22m',
      '  ␛[34m"n"␛[39m␛[2m:␛[22m ␛[33m1e3␛[39m␛[2m,␛[22m',
      '  ␛[34m"b"␛[39m␛[2m:␛[22m ␛[35mfalse␛[39m␛[2m,␛[22m',
      '  ␛[34m"z"␛[39m␛[2m:␛[22m ␛[35mnull␛[39m␛[2m,␛[22m',
      '  ␛[34m"s"␛[39m␛[2m:␛[22m ␛[32m"v"␛[39m␛[2m,␛[22m  ␛[1m␛[31m◀ high␛[39m␛[22m',
      '  ␛[34m"e"␛[39m␛[2m:␛[22m ␛[2m{}␛[22m␛[2m,␛[22m',
      '  ␛[34m"a"␛[39m␛[2m:␛[22m ␛[2m[␛[22m',
      '    ␛[33m1␛[39m',
      '  ␛[2m]␛[22m',
      '␛[2m}␛[22m',
    ]);
  });
});
