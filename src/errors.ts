/**
 * The one error class of jwt-inspect. A thrown InspectError means the tool
 * could not do its job; a bad token is a result, not an exception.
 */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  input: 3,
  network: 4,
  internal: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** 128 + SIGINT: what a shell reports for a command ended by Ctrl-C (scan and audit --wordlist stop cleanly with it). */
export const EXIT_INTERRUPTED = 130;

/** Stable error codes, each tied to one exit code of the contract. */
const CODES = {
  ERR_USAGE: EXIT.usage,
  ERR_CONFLICTING_SOURCES: EXIT.usage,
  ERR_NO_TOKEN: EXIT.input,
  ERR_SEVERAL_TOKENS: EXIT.input,
  ERR_MALFORMED_TOKEN: EXIT.input,
  ERR_INPUT_TOO_LARGE: EXIT.input,
  ERR_READ_FAILED: EXIT.input,
  // Not a bug: a full disk or a broken device is for the user to fix, like a file that cannot be read.
  ERR_WRITE_FAILED: EXIT.input,
  ERR_CLIPBOARD: EXIT.input,
  ERR_BAD_JSON: EXIT.input,
  ERR_BAD_KEY: EXIT.input,
  ERR_BAD_CERTIFICATE: EXIT.input,
  ERR_NETWORK: EXIT.network,
  ERR_INTERNAL: EXIT.internal,
} as const;

export type ErrorCode = keyof typeof CODES;

export class InspectError extends Error {
  override readonly name = 'InspectError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get exitCode(): ExitCode {
    return CODES[this.code];
  }
}

export function usageError(message: string, cause?: unknown): InspectError {
  return new InspectError('ERR_USAGE', message, { cause });
}
