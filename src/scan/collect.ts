import { createHash } from 'node:crypto';
import { InspectError } from '../errors.js';
import { inspectToken, type InspectOptions, type InspectReport, type SourceFrom } from '../report/inspect.js';
import type { FoundToken } from '../token/extract.js';
import type { Verification } from '../verify/result.js';

/** Where a token was seen in a text file or stream (stdin is `-`). */
export interface TextLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where a token was seen in a HAR archive. */
export interface HarLocation {
  readonly file: string;
  readonly entry: number;
  readonly field: string;
}

export type ScanLocation = TextLocation | HarLocation;

/**
 * Locations kept per token. A token repeated on every line of a huge log
 * would otherwise grow memory with the input; `occurrences` still counts
 * every sighting.
 */
export const MAX_LOCATIONS_PER_TOKEN = 1000;

/** One distinct token, reported once with every place it was seen. */
export interface ScannedToken {
  readonly sha256: string;
  readonly token: string;
  readonly report: InspectReport;
  readonly locations: ScanLocation[];
  occurrences: number;
  /** Against the key given; null without one, and for a JWE. */
  verification: Verification | null;
}

/** Compact tokens that passed the finder but not the decoder: remembered so repeats cost nothing. */
const MAX_REJECTED = 4096;

/** Gathers what a scan finds: each distinct token once, inspected once, in the order first seen. */
export class TokenCollector {
  readonly #tokens = new Map<string, ScannedToken>();
  readonly #rejected = new Set<string>();

  constructor(readonly options: InspectOptions) {}

  /**
   * Record a sighting; returns the token when this is its first one. A
   * candidate the decoder refuses (a payload that is not base64url) is no
   * token and is dropped.
   */
  add(found: FoundToken, from: SourceFrom, location: ScanLocation): ScannedToken | null {
    const known = this.#tokens.get(found.token);
    if (known !== undefined) {
      known.occurrences++;
      if (known.locations.length < MAX_LOCATIONS_PER_TOKEN) known.locations.push(location);
      return null;
    }
    if (this.#rejected.has(found.token)) return null;
    let report: InspectReport;
    try {
      report = inspectToken(found, from, this.options);
    } catch (error) {
      if (!(error instanceof InspectError)) throw error;
      if (this.#rejected.size >= MAX_REJECTED) this.#rejected.clear();
      this.#rejected.add(found.token);
      return null;
    }
    const sha256 = createHash('sha256').update(found.token).digest('hex');
    const scanned: ScannedToken = { sha256, token: found.token, report, locations: [location], occurrences: 1, verification: null };
    this.#tokens.set(found.token, scanned);
    return scanned;
  }

  get tokens(): ScannedToken[] {
    return [...this.#tokens.values()];
  }

  get size(): number {
    return this.#tokens.size;
  }
}
