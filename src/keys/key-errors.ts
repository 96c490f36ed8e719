import { InspectError } from '../errors.js';

/** ERR_BAD_KEY naming where the key came from (a path, `--secret-env VAR`), never the key itself. */
export function badKey(origin: string, message: string, cause?: unknown): InspectError {
  return new InspectError('ERR_BAD_KEY', `${origin}: ${message}`, { cause });
}

/** The first line of a crypto error: it names the problem, never the key material. */
export function cryptoReason(cause: unknown): string {
  return (cause as Error).message.split('\n')[0] ?? 'unknown error';
}

/** The JSON of a key file; `message` says what to give instead when it is not JSON. */
export function parseKeyJson(text: string, origin: string, message: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    // JSON.parse quotes the text it choked on, which may be key material: say only where.
    throw badKey(origin, message, cause);
  }
}
