import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { usageError } from '../../errors.js';
import { minimumSecretBytes } from '../../jose/algorithms.js';
import { faithful, toJsonText } from '../../render/json.js';
import type { SigningKey } from '../../sign/algorithms.js';
import { buildHeader, buildPayload, parseAssignment, parsePayload, type Member } from '../../sign/token-parts.js';
import { globalOptions, note, settle, type Cli, type GlobalOptions } from '../context.js';
import type { Outcome } from '../exit-code.js';
import { MAX_INPUT_BYTES } from '../input.js';
import { keySpecOf, type KeySourceOptions } from '../key-options.js';
import { collect, durationArg, instantArg } from '../parsers.js';

/** Of the key sources, sign takes the secret options and --key, defined in signCommand with sign's wording (a private key). */
interface SignOptions extends Pick<KeySourceOptions, 'secret' | 'secretEnv' | 'secretFile' | 'secretBase64' | 'key'> {
  readonly alg?: string;
  readonly kid?: string;
  readonly typ?: string | false;
  readonly header?: Member[];
  readonly claim?: Member[];
  readonly iss?: string;
  readonly sub?: string;
  readonly aud?: string[];
  readonly iat?: number | boolean;
  readonly nbf?: number;
  readonly exp?: number;
  readonly jti?: string | true;
  readonly unsafeNone?: boolean;
  readonly copy?: boolean;
}

const EXAMPLES = `
Examples:
  $ jwt-inspect sign --secret-env JWT_SECRET --sub alice --exp 15m
  $ jwt-inspect sign --key private.pem --kid k1 --iss https://idp.example.com --aud api '{"scope":"read write"}'
  $ echo '{"sub":"42"}' | jwt-inspect sign --key ec.pem --alg ES256 --claim admin=true --jti
  $ TOKEN=$(jwt-inspect sign --secret-file secret.txt --exp=-5m)          # an already expired token, for tests
  $ jwt-inspect sign --alg none --unsafe-none --sub attacker              # an unsigned token, to test a verifier
`;

function assignmentArg(text: string, previous: Member[] | undefined): Member[] {
  const assignment = parseAssignment(text);
  if (assignment === null) throw new InvalidArgumentError('expected name=value (the value is JSON when it parses as JSON, else a string)');
  return [...(previous ?? []), assignment];
}

/** A duration that may be negative (`--exp=-5m` makes an expired token). */
function offsetArg(value: string): number {
  const negative = value.startsWith('-');
  const seconds = durationArg(negative || value.startsWith('+') ? value.slice(1) : value);
  return negative ? -seconds : seconds;
}

/** The payload JSON: the argument, else stdin (`-`, or piped); none at all is an empty claims set. */
async function payloadText(cli: Cli, arg: string | undefined, keyOnStdin: boolean): Promise<string> {
  if (arg !== undefined && arg !== '-') return arg;
  if (arg === '-' && keyOnStdin) throw usageError('stdin can carry the payload or the key (--key -), not both');
  if (arg === '-' || (!cli.io.stdin.isTTY && !keyOnStdin)) return new TextDecoder().decode(await cli.io.stdin.read(MAX_INPUT_BYTES));
  return '';
}

/** The key option's key and the algorithm to sign with; null for `--alg none --unsafe-none`. */
async function keyAndAlg(cli: Cli, g: GlobalOptions, o: SignOptions): Promise<{ key: SigningKey | null; alg: string }> {
  const spec = keySpecOf(o);
  if (o.alg !== undefined && o.alg.toLowerCase() === 'none') {
    if (!o.unsafeNone) throw usageError('--alg none makes an unsigned token that anyone can forge; add --unsafe-none if that is what you want');
    if (spec !== null) throw usageError('--alg none signs nothing; drop the key option');
    return { key: null, alg: o.alg };
  }
  if (spec === null)
    throw usageError('sign needs a key: --secret-env VAR, --secret-file PATH, --secret TEXT or --key PRIVATE.pem (or --alg none --unsafe-none)');
  if (spec.kind !== 'secret' && spec.kind !== 'key-file') throw new Error(`sign has no ${spec.kind} option`);
  const { chooseAlg } = await import('../../sign/algorithms.js');
  const { loadSigningKey } = await import('../../sign/load.js');
  const key = await loadSigningKey(cli.io, spec, o.kid);
  const alg = chooseAlg(o.alg, key);
  if (o.secret !== undefined) note(cli, g, '--secret puts the secret in the process list and shell history; prefer --secret-env or --secret-file');
  const minimum = minimumSecretBytes(alg);
  if (key.type === 'secret' && minimum !== null && key.bytes.byteLength < minimum) {
    note(
      cli,
      g,
      `the secret is ${key.bytes.byteLength} bytes; ${alg} wants at least ${minimum} (RFC 7518 §3.2), and a short secret can be guessed from any token it signs`,
    );
  }
  return { key, alg };
}

export function signCommand(cli: Cli): Command {
  return new Command('sign')
    .summary('make a signed token, for tests and debugging')
    .description(
      'Make a JWT from a payload (argument, stdin or --claim) with any JWS algorithm jose supports. Prints the token and a newline only, so TOKEN=$(jwt-inspect sign ...) works; notes go to stderr.',
    )
    .argument('[payload]', 'the claims as a JSON object; - for stdin (read when piped)')
    .option('--alg <alg>', 'HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA, Ed25519 (default: HS256 for a secret, else from the key)')
    .option('--secret <text>', 'HMAC secret as UTF-8 text (visible to other users in the process list)')
    .option('--secret-env <VAR>', 'HMAC secret from an environment variable')
    .option('--secret-file <path>', 'HMAC secret from a file (one trailing newline dropped)')
    .option('--secret-base64', 'the secret is base64 or base64url: decode it first')
    .option('--key <path>', 'private key: PEM (PKCS#8, PKCS#1 RSA, SEC1 EC), a private JWK, or a JWKS (with --kid); - for stdin')
    .option('--kid <kid>', 'header kid (default: the JWK kid); also picks the key of a JWKS')
    .option('--typ <typ>', 'header typ (default JWT)')
    .option('--no-typ', 'leave typ out of the header')
    .addOption(new Option('--header <name=value>', 'a header member, repeatable; the value is JSON when it parses as JSON').argParser(assignmentArg))
    .addOption(new Option('--claim <name=value>', 'a claim, repeatable; the value is JSON when it parses as JSON').argParser(assignmentArg))
    .option('--iss <iss>', 'issuer claim')
    .option('--sub <sub>', 'subject claim')
    .option('--aud <aud>', 'audience, repeatable (several make an array)', collect)
    .option('--iat [time]', 'issued-at: ISO 8601 or Unix seconds (default now, which --now sets)', instantArg)
    .option('--no-iat', 'leave iat out')
    .option('--nbf <duration>', 'not-before, this long after iat (--nbf=-1m for the past)', offsetArg)
    .option('--exp <duration>', 'expiry, this long after iat (--exp=-5m for an expired token)', offsetArg)
    .option('--jti [value]', 'token id (alone: a random UUID)')
    .option('--unsafe-none', 'allow --alg none: an unsigned token anyone can forge')
    .option('--copy', 'also copy the token to the clipboard')
    .addHelpText('after', EXAMPLES)
    .action(async (arg: string | undefined, o: SignOptions, cmd: Command) => {
      settle(cli, cmd, await runSign(cli, globalOptions(cli, cmd), arg, o));
    });
}

/** The sign action: the key and algorithm, the header and payload in the order given, the token printed. */
async function runSign(cli: Cli, g: GlobalOptions, arg: string | undefined, o: SignOptions): Promise<Outcome> {
  // `--jti [value]` takes the next word: `sign --jti '{"sub":"x"}'` would make the payload the jti.
  if (arg === undefined && typeof o.jti === 'string' && o.jti.trimStart().startsWith('{')) {
    throw usageError('--jti took the payload as its value; put the payload before --jti, or give --jti a value');
  }
  const { key, alg } = await keyAndAlg(cli, g, o);
  const { signToken } = await import('../../sign/sign.js');
  const base = parsePayload(await payloadText(cli, arg, o.key === '-'));
  const header = buildHeader({ alg, typ: o.typ === false ? null : (o.typ ?? 'JWT'), kid: o.kid ?? key?.kid ?? null, extra: o.header ?? [] });
  const payload = buildPayload(
    base,
    {
      claims: o.claim ?? [],
      iss: o.iss,
      sub: o.sub,
      aud: o.aud,
      iat: o.iat === true ? g.now : o.iat,
      nbf: o.nbf,
      exp: o.exp,
      jti: o.jti === true ? randomUUID() : o.jti,
    },
    g.now,
  );
  const token = await signToken(header, payload, key);

  if (g.json) cli.io.stdout.write(`${toJsonText({ token, header: faithful(header), payload: faithful(payload) })}\n`);
  else if (!g.quiet) cli.io.stdout.write(`${token}\n`);
  if (o.copy) {
    await cli.io.clipboard.write(token);
    note(cli, g, 'token copied to the clipboard');
  }
  return { command: 'sign' };
}
