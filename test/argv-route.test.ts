import { describe, expect, it } from 'vitest';
import { routeOf } from '../src/argv-route.js';

describe('routeOf', () => {
  it.each([
    [['verify', '--json', 'T'], { commands: ['verify'], json: true, debug: false }],
    [['--debug', 'scan', 'app.log'], { commands: ['scan'], json: false, debug: true }],
    [['decode', '--', '--json', '--debug'], { commands: ['decode'], json: false, debug: false }],
    [['-q', '--leeway', '30s', 'audit'], { commands: ['audit'], json: false, debug: false }],
    [['--leeway=30s', 'jwks', 'k.json'], { commands: ['jwks'], json: false, debug: false }],
    [['--file', 'token.txt'], { commands: ['decode'], json: false, debug: false }],
    [['-'], { commands: ['decode'], json: false, debug: false }],
    [['completion', 'zsh'], { commands: null, json: false, debug: false }],
    [['help', 'verify'], { commands: null, json: false, debug: false }],
    [['T', '-h'], { commands: null, json: false, debug: false }],
    [['verify', '--help'], { commands: ['verify'], json: false, debug: false }],
  ])('%j', (argv, route) => {
    expect(routeOf(argv)).toEqual(route);
  });
});
