import type { Io } from '../io/io.js';

/**
 * A status line on a terminal's stderr, redrawn in place with `\r` at most
 * once every `everySeconds`, so that fast work does not spend its time
 * printing; `clear` wipes it before anything else is written.
 */
export class ProgressLine {
  readonly #started: number;
  #drawnAt = -Infinity;
  #shown = false;

  constructor(
    readonly io: Io,
    readonly everySeconds: number,
  ) {
    this.#started = io.now();
  }

  /** Redraw with the text for the seconds since the start, unless the last redraw was too recent. */
  update(text: (seconds: number) => string): void {
    const now = this.io.now();
    if (now - this.#drawnAt < this.everySeconds) return;
    this.#drawnAt = now;
    this.#shown = true;
    this.io.stderr.write(`\r${text(now - this.#started)}\u001b[K`);
  }

  clear(): void {
    if (this.#shown) this.io.stderr.write('\r\u001b[K');
    this.#shown = false;
  }
}
