// Runs the text-facing functions of the built package over long adversarial
// strings. The test that spawns this kills it at a time bound: a regular
// expression with catastrophic backtracking shows up as a timeout.
import { findTokens } from '../../src/token/extract.js';
import { decodeToken } from '../../src/token/decode.js';
import { buildReport } from '../../src/report/inspect.js';
import { escapeTerminal } from '../../src/render/escape.js';
import { parseCookieList, parseSetCookie } from '../../src/token/cookie.js';
import { jws, part } from '../helpers/tokens.js';

const N = Number(process.argv[2] ?? 200_000);
const SEEDS = [
  'a',
  'eyJ',
  '.',
  '"',
  "'",
  '=',
  ';',
  'Bearer ',
  '{"a":',
  '%',
  ' ',
  'a.',
  '1',
  '-',
  'a=',
  '@',
  '\u001b[',
  'eyJ.',
  '1-',
  '+1',
  '4111 ',
  'A1',
  '\\',
  '${',
  '{{',
];
const long = (seed: string, n = N): string => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

for (const seed of SEEDS) {
  const text = long(seed);
  findTokens(text);
  findTokens(`Authorization: Bearer ${text}`);
  findTokens(`https://x.example/?a=${text}#b=${text}`);
  escapeTerminal(text);
  parseCookieList(text);
  parseSetCookie(text);
  try {
    decodeToken(`${part({ alg: 'HS256' })}.${text}.x`);
  } catch {
    // Refusing the input is fine; only time matters here.
  }
}

// Claim values under every sensitive-looking name: long enough that quadratic work would take minutes.
const NAMES = [
  'password',
  'email',
  'card_number',
  'ssn',
  'iban',
  'phone',
  'address',
  'dob',
  'ip',
  'lat',
  'api_key',
  'sub',
  'kid',
  'note',
  'refresh_token',
  'callback',
  'roles',
];
for (const seed of SEEDS) {
  const value = long(seed, 16_000);
  for (const name of NAMES) {
    const token = jws({ alg: 'HS256', kid: value, typ: value }, { [name]: value }, part('sig'));
    buildReport(decodeToken(token), { token, as: 'raw', name: null }, { from: 'argument', count: 1 }, { now: 1_700_000_000, leeway: 0 });
  }
}
process.stdout.write('done\n');
