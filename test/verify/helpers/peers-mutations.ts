import fc from 'fast-check';
import { FIXTURES } from './fixtures.js';
import { b64u, BASES, forgeWeakRsa, jws, SHARED, signature, signSegments, type Base, type KeyName } from './peers-keys.js';

export const NOW = FIXTURES.now;
export const CLAIMS: Readonly<Record<string, string | number>> = FIXTURES.claims;

/** Something jwt-inspect must refuse whatever the peers say, because they do not check it. */
export interface MustReject {
  readonly why: string;
  /** The exit code, when it matters which failure it is. */
  readonly exit?: number;
}

/** What a mutation makes of a base token. */
export interface Built {
  readonly token: string;
  /** The parameters, for the report. */
  readonly detail: string;
  /** The key source, when not the base's. */
  readonly key?: KeyName;
  readonly leeway?: number;
  /** Ask for this iss or aud (verify --iss, --aud), whatever the random choice. */
  readonly iss?: string;
  readonly aud?: string;
  readonly mustReject?: MustReject;
}

type Make = (base: Base) => Built | null;

export interface Variant {
  /** `class/variant`: stable, what the allow-list names. */
  readonly name: string;
  readonly applies: (base: Base) => boolean;
  /** Always run, each with a base of its own, or with every base. */
  readonly examples: readonly Make[];
  readonly everyBase: boolean;
  /** What fast-check draws from. */
  readonly fuzz: fc.Arbitrary<Make>;
}

interface Spec<P> {
  readonly applies?: (base: Base) => boolean;
  readonly examples: readonly P[];
  /** Run each example with every base, not just the next one. */
  readonly everyBase?: boolean;
  /** Default: one of the examples. */
  readonly params?: fc.Arbitrary<P>;
  /** null: this base cannot take the mutation (the segment has no such character). */
  readonly build: (base: Base, p: P) => Built | null;
}

function variant<P>(name: string, spec: Spec<P>): Variant {
  const make =
    (p: P): Make =>
    (base) =>
      spec.build(base, p);
  return {
    name,
    applies: spec.applies ?? (() => true),
    examples: spec.examples.map(make),
    everyBase: spec.everyBase ?? false,
    fuzz: (spec.params ?? fc.constantFrom(...spec.examples)).map(make),
  };
}

const one = (name: string, applies: (base: Base) => boolean, build: (base: Base) => Built | null): Variant =>
  variant(name, { applies, examples: [null], build });

// Tokens

const CLAIMS_TEXT = JSON.stringify(CLAIMS);

function headerOf(base: Base, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { alg: base.alg, typ: 'JWT', ...(base.kid === undefined ? {} : { kid: base.kid }), ...extra };
}

/** The base token: the fixture claims, signed by the trusted key. */
const signed = (base: Base, payload = CLAIMS_TEXT, header = headerOf(base)): string => jws(header, payload, base.alg, base.signer);

/** The claims with one replaced by raw JSON text (or dropped), put last. */
function claimsWith(claim: string, raw: string | undefined): string {
  const rest = JSON.stringify(Object.fromEntries(Object.entries(CLAIMS).filter(([name]) => name !== claim)));
  return raw === undefined ? rest : `${rest.slice(0, -1)},${JSON.stringify(claim)}:${raw}}`;
}

/** JSON text whose base64url does not end on a 4-character boundary (a trailing space is still the same JSON, RFC 8259 §2). */
const unaligned = (json: string): string => (Buffer.byteLength(json) % 3 === 0 ? `${json} ` : json);

const segmentNames = ['header', 'payload', 'signature'] as const;
type SegmentIndex = 0 | 1 | 2;

/**
 * Apply `change` to one segment of a token whose header and payload do not end on a 4-character
 * boundary (so that padding and unused bits exist). Header and payload may be re-signed over the
 * changed characters (RFC 7515 §5.2: the signing input is the segments as sent), which a lenient
 * verifier would accept; unsigned, only a verifier that re-encodes what it decoded would.
 */
function changeSegment(base: Base, segment: SegmentIndex, resign: boolean, change: (raw: string) => string | null): string | null {
  const parts = signSegments(b64u(unaligned(JSON.stringify(headerOf(base)))), b64u(unaligned(CLAIMS_TEXT)), base.alg, base.signer).split('.');
  const changed = change(parts[segment]!);
  if (changed === null) return null;
  parts[segment] = changed;
  return resign && segment !== 2 ? signSegments(parts[0]!, parts[1]!, base.alg, base.signer) : parts.join('.');
}

function flipBit(raw: string, bit: number): string {
  const bytes = Buffer.from(raw, 'base64url');
  const at = bit % (bytes.length * 8);
  bytes[at >> 3]! ^= 0x80 >> (at & 7);
  return b64u(bytes);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §3.5: the unused low bits of the last character (4 of them at length 2 mod 4, 2 at 3 mod 4) must be zero; set one. */
function nonCanonical(raw: string): string | null {
  if (raw.length % 4 < 2) return null;
  return raw.slice(0, -1) + BASE64URL[BASE64URL.indexOf(raw.at(-1)!) | 1];
}

// The mutation classes

const SIBLING: Readonly<Record<string, string>> = { HS256: 'HS384', HS384: 'HS512', HS512: 'HS256', EdDSA: 'Ed25519', Ed25519: 'EdDSA' };
const sibling = (alg: string): string =>
  SIBLING[alg] ?? (alg.startsWith('RS') ? `PS${alg.slice(2)}` : alg.startsWith('PS') ? `RS${alg.slice(2)}` : alg === 'ES256' ? 'ES384' : 'ES256');

const recase = {
  lower: (s: string) => s.toLowerCase(),
  upper: (s: string) => s.toUpperCase(),
  swap: (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
};

const baselineClass: Variant[] = [
  variant('baseline/untouched', { examples: [null], everyBase: true, build: (base) => ({ token: signed(base), detail: base.alg }) }),
];

const algClass: Variant[] = [
  // RFC 8725 §2.1: an HMAC keyed with the bytes of the public key the verifier holds.
  one(
    'alg/key-confusion',
    (base) => base.publicPem !== null && base.key !== 'jwks',
    (base) => ({
      token: jws(headerOf(base, { alg: 'HS256' }), CLAIMS_TEXT, 'HS256', Buffer.from(base.publicPem!)),
      detail: `HS256 keyed with the ${base.alg} public key PEM`,
    }),
  ),
  variant('alg/none', {
    examples: [
      { alg: 'none', keep: false },
      { alg: 'NONE', keep: true },
    ],
    params: fc.record({ alg: fc.constantFrom('none', 'None', 'NONE', 'nOnE'), keep: fc.boolean() }),
    build: (base, { alg, keep }) => {
      const [, payload, sig] = signed(base).split('.');
      return {
        token: `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${payload}.${keep ? sig : ''}`,
        detail: `alg ${alg}, ${keep ? 'the old signature kept' : 'no signature'}`,
      };
    },
  }),
  variant<keyof typeof recase>('alg/case', {
    examples: ['lower', 'swap'],
    params: fc.constantFrom('lower', 'upper', 'swap'),
    build: (base, how) => {
      const alg = recase[how](base.alg);
      return alg === base.alg ? null : { token: jws(headerOf(base, { alg }), CLAIMS_TEXT, base.alg, base.signer), detail: `alg ${alg}, signed as ${base.alg}` };
    },
  }),
  one(
    'alg/swap-unsigned',
    () => true,
    (base) => {
      const [, payload, sig] = signed(base).split('.');
      const alg = sibling(base.alg);
      return { token: `${b64u(JSON.stringify(headerOf(base, { alg })))}.${payload}.${sig}`, detail: `${base.alg} -> ${alg}, signature kept` };
    },
  ),
  one(
    'alg/missing',
    () => true,
    (base) => {
      const { alg: _, ...header } = headerOf(base);
      return { token: jws(header, CLAIMS_TEXT, base.alg, base.signer), detail: `no alg, signed as ${base.alg}` };
    },
  ),
  // RFC 7515 §4: duplicate header names are rejected, or the last one counts.
  variant('alg/duplicate', {
    examples: [true, false],
    params: fc.boolean(),
    build: (base, realLast) => {
      const [first, last] = realLast ? ['none', base.alg] : [base.alg, 'none'];
      const header = `{"alg":${JSON.stringify(first)},"typ":"JWT"${base.kid === undefined ? '' : `,"kid":${JSON.stringify(base.kid)}`},"alg":${JSON.stringify(last)}}`;
      return { token: jws(header, CLAIMS_TEXT, base.alg, base.signer), detail: `alg ${first} then ${last}` };
    },
  }),
  one(
    'alg/attacker-key',
    () => true,
    (base) => ({ token: jws(headerOf(base), CLAIMS_TEXT, base.alg, base.attacker), detail: `${base.alg} signed by an untrusted key` }),
  ),
];

const bitflipClass: Variant[] = segmentNames.map((segment, index) =>
  variant(`bitflip/${segment}`, {
    examples: [0, 21],
    params: fc.nat(),
    build: (base, bit) => {
      const parts = signed(base).split('.');
      parts[index] = flipBit(parts[index]!, bit);
      return { token: parts.join('.'), detail: `${base.alg}, bit ${bit} of the ${segment} (mod its length)` };
    },
  }),
);

interface Base64Params {
  readonly segment: SegmentIndex;
  readonly resign: boolean;
  readonly at: number;
  readonly text: string;
}

const base64Params = fc.record({
  segment: fc.constantFrom<SegmentIndex>(0, 1, 2),
  resign: fc.boolean(),
  at: fc.nat(),
  text: fc.constantFrom(' ', '\n', '\t', '\r\n'),
});
const base64Examples: Base64Params[] = [
  { segment: 0, resign: true, at: 5, text: ' ' },
  { segment: 1, resign: true, at: 9, text: '\n' },
  { segment: 1, resign: false, at: 9, text: '\t' },
  { segment: 2, resign: false, at: 3, text: ' ' },
];

function base64Variant(name: string, what: string, change: (raw: string, p: Base64Params) => string | null): Variant {
  return variant(`base64/${name}`, {
    examples: base64Examples,
    params: base64Params,
    build: (base, p) => {
      const token = changeSegment(base, p.segment, p.resign, (raw) => change(raw, p));
      const signedHow = p.resign && p.segment !== 2 ? 're-signed over the changed text' : 'signature not remade';
      return token === null ? null : { token, detail: `${base.alg}, ${what} in the ${segmentNames[p.segment]}, ${signedHow}` };
    },
  });
}

// RFC 7515 §2 and §7.1: base64url without padding, no other characters, no white space.
const base64Class: Variant[] = [
  base64Variant('padding', "'=' padding", (raw) => (raw.length % 4 === 0 ? null : raw.padEnd(Math.ceil(raw.length / 4) * 4, '='))),
  base64Variant('std-alphabet', "'+' and '/' for '-' and '_'", (raw) => (/[-_]/.test(raw) ? raw.replace(/-/g, '+').replace(/_/g, '/') : null)),
  base64Variant('non-canonical', 'a non-zero unused bit in the last character', nonCanonical),
  base64Variant('whitespace', 'white space', (raw, { at, text }) => {
    const where = 1 + (at % (raw.length - 1));
    return `${raw.slice(0, where)}${text}${raw.slice(where)}`;
  }),
];

/** Claims without a '.', so that they can stand unencoded in a compact JWS (RFC 7797 §5.2). */
const DOTLESS_CLAIMS = JSON.stringify({ sub: CLAIMS['sub'], iat: CLAIMS['iat'], nbf: CLAIMS['nbf'], exp: CLAIMS['exp'] });

const critHeader = (base: Base, extra: Record<string, unknown>): Built => ({
  token: jws(headerOf(base, extra), CLAIMS_TEXT, base.alg, base.signer),
  detail: `${base.alg}, header ${JSON.stringify(extra)}`,
});

// RFC 7515 §4.1.11 (crit) and RFC 7797 (b64: false). A JWT never has an unencoded payload (RFC 7797 §7).
const critClass: Variant[] = [
  variant('crit/b64-false', {
    examples: [true, false],
    params: fc.boolean(),
    build: (base, crit) => critHeader(base, { b64: false, ...(crit ? { crit: ['b64'] } : {}) }),
  }),
  one(
    'crit/b64-false-unencoded',
    () => true,
    (base) => {
      const header = b64u(JSON.stringify(headerOf(base, { b64: false, crit: ['b64'] })));
      return {
        token: `${header}.${DOTLESS_CLAIMS}.${signature(`${header}.${DOTLESS_CLAIMS}`, base.alg, base.signer)}`,
        detail: `${base.alg}, b64 false, the claims unencoded`,
      };
    },
  ),
  one(
    'crit/b64-true',
    () => true,
    (base) => critHeader(base, { b64: true, crit: ['b64'] }),
  ),
  one(
    'crit/unknown',
    () => true,
    (base) => critHeader(base, { crit: ['urn:example:unknown'], 'urn:example:unknown': true }),
  ),
  one(
    'crit/empty',
    () => true,
    (base) => critHeader(base, { crit: [] }),
  ),
  one(
    'crit/listed-absent',
    () => true,
    (base) => critHeader(base, { crit: ['urn:example:unknown'] }),
  ),
  one(
    'crit/not-array',
    () => true,
    (base) => critHeader(base, { crit: 'urn:example:unknown', 'urn:example:unknown': true }),
  ),
];

const INNER: Readonly<Record<string, (base: Base) => string>> = {
  valid: (base) => signed(base),
  none: () => `${b64u(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64u(CLAIMS_TEXT)}.`,
  untrusted: (base) => jws(headerOf(base), CLAIMS_TEXT, base.alg, base.attacker),
  expired: (base) => signed(base, claimsWith('exp', String(NOW - 10))),
};

// RFC 7519 §5.2 and §7.2 step 8: cty JWT (RFC 7515 §4.1.10: any case) means the payload is a JWT to verify in turn.
const nestedClass: Variant[] = Object.entries(INNER).map(([inner, make]) =>
  variant(`nested/inner-${inner}`, {
    examples: ['JWT', 'jwt'],
    params: fc.constantFrom('JWT', 'jwt', 'Jwt'),
    build: (base, cty) => ({
      token: jws(headerOf(base, { cty }), make(base), base.alg, base.signer),
      detail: `${base.alg}, cty ${cty}, the inner token ${inner}`,
    }),
  }),
);

const fromJwks = (base: Base): boolean => base.key === 'jwks';
const isRsa = (base: Base): boolean => /^[RP]S/.test(base.alg);

// RFC 7515 §4.1.4: kid is a string; RFC 7517 §4.5: kids in a set should differ.
const KIDS: Readonly<Record<string, (base: Base) => unknown>> = {
  number: () => 1,
  array: (base) => [base.kid],
  null: () => null,
  object: (base) => ({ kid: base.kid }),
  unknown: () => 'no-such-kid',
  'other-key': (base) => (isRsa(base) ? 'ec-256' : 'rsa-1'),
};

const kidClass: Variant[] = [
  ...Object.entries(KIDS).map(([name, kid]) =>
    one(`kid/${name}`, fromJwks, (base) => ({
      token: jws(headerOf(base, { kid: kid(base) }), CLAIMS_TEXT, base.alg, base.signer),
      detail: `${base.alg}, kid ${JSON.stringify(kid(base))}`,
    })),
  ),
  one('kid/missing', fromJwks, (base) => {
    const { kid: _, ...header } = headerOf(base);
    return { token: jws(header, CLAIMS_TEXT, base.alg, base.signer), detail: `${base.alg}, no kid` };
  }),
  ...(['first', 'second'] as const).map((which) =>
    one(
      `kid/duplicate-${which}`,
      (base) => fromJwks(base) && isRsa(base),
      (base) => ({
        token: jws(headerOf(base, { kid: SHARED.kid }), CLAIMS_TEXT, base.alg, SHARED[which]),
        key: 'jwksDupSameType',
        detail: `${base.alg}, two RSA keys with kid "${SHARED.kid}", signed by the ${which}`,
        // Each peer picks one of the two, so they cannot tell; trying both accepts whichever signed.
        mustReject: { why: 'two keys of one type share the kid the token names: which one is meant is ambiguous (RFC 7517 §4.5)' },
      }),
    ),
  ),
  one(
    'kid/duplicate-other-type',
    (base) => fromJwks(base) && isRsa(base),
    (base) => ({
      token: jws(headerOf(base, { kid: SHARED.kid }), CLAIMS_TEXT, base.alg, SHARED.first),
      key: 'jwksDupMixed',
      detail: `${base.alg}, an EC and then an RSA key with kid "${SHARED.kid}", signed by the RSA key`,
    }),
  ),
];

const FAR_FUTURE = 86_400;
/** RFC 7519 §2: a NumericDate is a JSON number of seconds; 1e400 is Infinity to JavaScript and to Python. */
const NUMERIC_DATE_VALUES: Readonly<Record<string, readonly string[]>> = {
  exp: [
    '1e400',
    '-1e400',
    `"${NOW + 3600}"`,
    '"tomorrow"',
    'null',
    'true',
    `[${NOW + 3600}]`,
    '{}',
    '1e300',
    '1.7000036e9',
    `${NOW + 3600}.5`,
    `${NOW}`,
    `${NOW - 1}`,
    `${NOW + 1}`,
    '0',
    '-1',
    '17000036000000000000',
  ],
  nbf: ['-1e400', '1e400', `"${NOW - 60}"`, 'null', 'true', '[]', '-1e300', `${NOW}`, `${NOW + 1}`, `${NOW - 1}`, '0', '-1', `${NOW - 60}.5`],
  iat: [
    '1e400',
    '-1e400',
    `${NOW + 10 * 365 * 86_400}`,
    `${NOW + FAR_FUTURE}`,
    '1e300',
    `${NOW + 1}`,
    `${NOW}`,
    `"${NOW - 60}"`,
    'null',
    '-1',
    `${NOW - 60}.5`,
  ],
};

/** RFC 7519 §4.1.6: iat is when the token was issued; a day or more after now has not happened yet. PyJWT checks it, jwcrypto does not. */
function futureIat(claim: string, raw: string): MustReject | undefined {
  const value = Number(raw);
  if (claim !== 'iat' || !Number.isFinite(value) || value < NOW + FAR_FUTURE) return undefined;
  return { why: 'iat in the future: not issued yet (RFC 7519 §4.1.6); jwcrypto does not check iat' };
}

const numericDates = Object.entries(NUMERIC_DATE_VALUES).map(([claim, values]) =>
  variant(`claims/${claim}`, {
    examples: values,
    params: fc.oneof(
      fc.constantFrom(...values),
      fc.integer({ min: NOW - 400_000, max: NOW + 400_000 }).map(String),
      fc.double().map((d) => JSON.stringify(d)),
    ),
    build: (base, raw) => {
      const mustReject = futureIat(claim, raw);
      return { token: signed(base, claimsWith(claim, raw)), detail: `${base.alg}, ${claim} ${raw}`, ...(mustReject === undefined ? {} : { mustReject }) };
    },
  }),
);

const STRING_OR_URI_VALUES = (expected: string): string[] => [
  '42',
  '1e400',
  'true',
  'null',
  `[${JSON.stringify(expected)}]`,
  '{}',
  '""',
  JSON.stringify(expected),
  '"https://evil.example"',
];

/** RFC 7519 §4.1.1, §4.1.2: iss and sub are StringOrURI; PyJWT 2.6 does not check their type unless asked for a value. */
function notString(raw: string): MustReject | undefined {
  const value: unknown = JSON.parse(raw);
  return value === null || typeof value === 'string'
    ? undefined
    : { why: `a ${Array.isArray(value) ? 'array' : typeof value} is not a StringOrURI (RFC 7519 §4.1.1, §4.1.2); PyJWT does not check the type` };
}

const stringClaims = (['iss', 'sub'] as const).map((claim) => {
  const values = STRING_OR_URI_VALUES(String(CLAIMS[claim]));
  return variant(`claims/${claim}`, {
    examples: [...values.map((raw) => ({ raw, ask: false })), ...(claim === 'iss' ? ['42', '"https://evil.example"'].map((raw) => ({ raw, ask: true })) : [])],
    params: fc.record({ raw: fc.constantFrom(...values), ask: fc.boolean() }),
    build: (base, { raw, ask }) => {
      const asked = ask && claim === 'iss';
      const mustReject = notString(raw);
      return {
        token: signed(base, claimsWith(claim, raw)),
        detail: `${base.alg}, ${claim} ${raw}${asked ? ', --iss asked' : ''}`,
        ...(asked ? { iss: String(CLAIMS['iss']) } : {}),
        ...(mustReject === undefined ? {} : { mustReject }),
      };
    },
  });
});

const AUD = String(CLAIMS['aud']);
const AUD_VALUES = [
  JSON.stringify(AUD),
  `[${JSON.stringify(AUD)}]`,
  `["api://other",${JSON.stringify(AUD)}]`,
  `[${JSON.stringify(AUD)},5]`,
  '5',
  '[]',
  'null',
  '"api://other"',
  '{}',
];

const claimsClass: Variant[] = [
  ...numericDates,
  ...stringClaims,
  // RFC 7519 §4.1.3: one string, or an array of them.
  variant('claims/aud', {
    examples: AUD_VALUES.map((raw) => ({ raw, ask: true })),
    params: fc.record({ raw: fc.constantFrom(...AUD_VALUES), ask: fc.boolean() }),
    build: (base, { raw, ask }) => ({
      token: signed(base, claimsWith('aud', raw)),
      detail: `${base.alg}, aud ${raw}${ask ? ', --aud asked' : ''}`,
      ...(ask ? { aud: AUD } : {}),
    }),
  }),
  variant('claims/missing', {
    examples: ['exp', 'iss', 'aud'],
    params: fc.constantFrom('exp', 'nbf', 'iat', 'iss', 'sub', 'aud'),
    build: (base, claim) => ({
      token: signed(base, claimsWith(claim, undefined)),
      detail: `${base.alg}, no ${claim}, iss and aud asked`,
      iss: String(CLAIMS['iss']),
      aud: AUD,
    }),
  }),
  // RFC 7519 §4: duplicate claim names are rejected, or the last one counts.
  variant('claims/duplicate', {
    examples: [
      { claim: 'exp', first: NOW - 100, last: NOW + 3600 },
      { claim: 'exp', first: NOW + 3600, last: NOW - 100 },
      { claim: 'nbf', first: NOW - 60, last: NOW + 3600 },
    ],
    params: fc.record({
      claim: fc.constantFrom('exp', 'nbf', 'iat'),
      first: fc.integer({ min: NOW - 7200, max: NOW + 7200 }),
      last: fc.integer({ min: NOW - 7200, max: NOW + 7200 }),
    }),
    build: (base, { claim, first, last }) => ({
      token: signed(base, claimsWith(claim, `${first},${JSON.stringify(claim)}:${last}`)),
      detail: `${base.alg}, ${claim} ${first} then ${last}`,
    }),
  }),
  // RFC 7519 §4.1.4, §4.1.5: "a small leeway, usually no more than a few minutes".
  variant('claims/leeway', {
    examples: [
      { claim: 'exp', offset: -30, leeway: 60 },
      { claim: 'exp', offset: -90, leeway: 60 },
      { claim: 'nbf', offset: 30, leeway: 60 },
      { claim: 'nbf', offset: 90, leeway: 60 },
      { claim: 'iat', offset: 30, leeway: 60 },
    ],
    params: fc.record({ claim: fc.constantFrom('exp', 'nbf', 'iat'), offset: fc.integer({ min: -120, max: 120 }), leeway: fc.constantFrom(0, 30, 60) }),
    build: (base, { claim, offset, leeway }) => ({
      token: signed(base, claimsWith(claim, String(NOW + offset))),
      detail: `${base.alg}, ${claim} now${offset < 0 ? '' : '+'}${offset}, leeway ${leeway}s`,
      leeway,
    }),
  }),
  variant('claims/not-object', {
    examples: ['[]', '"text"', '42', 'null'],
    build: (base, payload) => ({ token: signed(base, payload), detail: `${base.alg}, payload ${payload}` }),
  }),
];

const tampered = (base: Base): string => {
  const parts = signed(base).split('.');
  parts[2] = flipBit(parts[2]!, 7);
  return parts.join('.');
};

/** A valid token for someone else: the second of two that both verify. */
const another = (base: Base): string => signed(base, claimsWith('sub', '"user-43"'));

const TWO_TOKENS = { 'two-valid': [signed, another], 'tampered-then-valid': [tampered, signed], 'valid-then-tampered': [signed, tampered] } as const;

// Which of several tokens is meant is anyone's guess: an input error, not a verdict on the first.
const multiClass: Variant[] = [
  ...Object.entries(TWO_TOKENS).map(([name, [first, second]]) =>
    variant(`multi/${name}`, {
      examples: [' '],
      params: fc.constantFrom(' ', '\n', '  '),
      build: (base, separator) => ({
        token: `${first(base)}${separator}${second(base)}`,
        detail: `${base.alg}, separated by ${JSON.stringify(separator)}`,
        mustReject: { why: 'two tokens in one input', exit: 3 },
      }),
    }),
  ),
  one(
    'multi/same-twice',
    () => true,
    (base) => {
      const token = signed(base);
      return { token: `${token} ${token}`, detail: `${base.alg}, the same token twice` };
    },
  ),
];

// RFC 8017 §3.1: e is an odd integer from 3 up; with e = 1 anyone can sign, with e even the map is not one-to-one.
const rsaExponentClass: Variant[] = ([1, 2] as const).map((e) =>
  one(
    `rsa-exponent/e=${e}`,
    (base) => base.alg === 'RS256' && base.key === 'rsa',
    () => ({
      token: forgeWeakRsa(e, CLAIMS),
      key: e === 1 ? 'rsaE1' : 'rsaE2',
      detail: `RS256 against the fixture modulus with e = ${e}`,
    }),
  ),
);

export const VARIANTS: readonly Variant[] = [
  ...baselineClass,
  ...algClass,
  ...bitflipClass,
  ...base64Class,
  ...critClass,
  ...nestedClass,
  ...kidClass,
  ...claimsClass,
  ...multiClass,
  ...rsaExponentClass,
];

export interface DrawnCase extends Built {
  /** The variant's name. */
  readonly name: string;
  readonly base: Base;
  /** Ask for the fixture iss or aud, unless the mutation says. */
  readonly asks: { readonly iss: boolean; readonly aud: boolean };
}

const applicable = (v: Variant): Base[] => BASES.filter(v.applies);

/** Every example of every variant, the bases taken in turn so that each variant meets several. */
export function catalogue(): DrawnCase[] {
  let turn = 0;
  return VARIANTS.flatMap((v) =>
    v.examples.flatMap((make) => {
      const bases = applicable(v);
      return (v.everyBase ? bases : [bases[turn++ % bases.length]!]).flatMap((base) => {
        const built = make(base);
        return built === null ? [] : [{ ...built, name: v.name, base, asks: { iss: false, aud: false } }];
      });
    }),
  );
}

/** Random variants, bases, parameters and iss/aud checks. */
export const drawnCase: fc.Arbitrary<DrawnCase | null> = fc.constantFrom(...VARIANTS).chain((v) =>
  fc
    .record({ base: fc.constantFrom(...applicable(v)), make: v.fuzz, asks: fc.record({ iss: fc.boolean(), aud: fc.boolean() }) })
    .map(({ base, make, asks }) => {
      const built = make(base);
      return built === null ? null : { ...built, name: v.name, base, asks };
    }),
);
