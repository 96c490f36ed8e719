import type { Examination } from './examination.js';

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

/** One distinct token as the reports show it: what its examination found, and where it was seen. */
export interface ScannedToken extends Examination {
  readonly token: string;
  readonly locations: readonly ScanLocation[];
  readonly occurrences: number;
}

/** A distinct token while the scan runs: seen, and examined or still being examined. */
export interface Sighting {
  readonly token: string;
  readonly locations: ScanLocation[];
  occurrences: number;
  /** undefined while it is being examined; null once the decoder refused it. */
  examination: Examination | null | undefined;
}

/** Compact tokens that passed the finder but not the decoder: remembered so repeats cost nothing. */
const MAX_REJECTED = 4096;
/** Announced sightings are dropped from the front of the queue in batches of at least this many. */
const ANNOUNCED_DROPPED_AT = 1024;

function scanned(s: Sighting, e: Examination, locations: readonly ScanLocation[], occurrences: number): ScannedToken {
  // Member by member: a spread with members after it takes V8's slow path (microseconds), and a scan makes one per token.
  return {
    sha256: e.sha256,
    kind: e.kind,
    alg: e.alg,
    kid: e.kid,
    iss: e.iss,
    sub: e.sub,
    timeStatus: e.timeStatus,
    findings: e.findings,
    verification: e.verification,
    details: e.details,
    token: s.token,
    locations,
    occurrences,
  };
}

/**
 * Gathers what a scan finds: each distinct token once, in the order first
 * seen, with every place it was seen. Tokens are examined elsewhere, and
 * their examinations may come back in any order.
 */
export class TokenCollector {
  readonly #sightings = new Map<string, Sighting>();
  readonly #rejected = new Set<string>();
  /** First sightings not yet announced, oldest first, from #head on. */
  #unannounced: Sighting[] = [];
  #head = 0;

  /** Record a sighting; returns it when it is the token's first, which is to be examined. */
  sight(token: string, location: ScanLocation): Sighting | null {
    const known = this.#sightings.get(token);
    if (known !== undefined) {
      known.occurrences++;
      if (known.locations.length < MAX_LOCATIONS_PER_TOKEN) known.locations.push(location);
      return null;
    }
    if (this.#rejected.has(token)) return null;
    const sighting: Sighting = { token, locations: [location], occurrences: 1, examination: undefined };
    this.#sightings.set(token, sighting);
    this.#unannounced.push(sighting);
    return sighting;
  }

  /**
   * Record an examination. A candidate the decoder refused (a payload that
   * is not base64url) is no token and is dropped. Calls `announce` with the
   * tokens that can now be announced, as first seen (one location), in the
   * order they were first seen: a token examined early waits for those seen
   * before it.
   */
  settle(sighting: Sighting, examination: Examination | null, announce: ((token: ScannedToken) => void) | undefined): void {
    sighting.examination = examination;
    if (examination === null) {
      this.#sightings.delete(sighting.token);
      if (this.#rejected.size >= MAX_REJECTED) this.#rejected.clear();
      this.#rejected.add(sighting.token);
    }
    for (let next = this.#unannounced[this.#head]; next?.examination !== undefined; next = this.#unannounced[++this.#head]) {
      if (next.examination !== null && announce !== undefined) announce(scanned(next, next.examination, next.locations.slice(0, 1), 1));
    }
    if (this.#head >= ANNOUNCED_DROPPED_AT && this.#head * 2 > this.#unannounced.length) {
      this.#unannounced = this.#unannounced.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Every token examined, in the order first seen, with all its sightings. */
  get tokens(): ScannedToken[] {
    const tokens: ScannedToken[] = [];
    for (const s of this.#sightings.values()) if (s.examination) tokens.push(scanned(s, s.examination, s.locations, s.occurrences));
    return tokens;
  }
}
