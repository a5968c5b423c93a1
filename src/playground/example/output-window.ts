/**
 * How many of a run's output rows the page keeps in its DOM. A flood (thousands of lines in a
 * frame) must not cost the page a layout of thousands of rows per frame: the output keeps the
 * latest `SHOWN_ROWS` rows, builds only those of a batch that will stay, and says how many
 * earlier ones it no longer shows. Pure bookkeeping, so the rule is tested in node.
 */

/**
 * Rows kept on the page: the output shows about 14 at a time, the longest example prints 43. A
 * flood's 5,000 rows of grid layout took 100–270 ms of main-thread CPU per frame, 500 rows still
 * 30–50 ms (measured on a loaded machine); a flood of failing callbacks' tracebacks, 200 rows
 * at a time, 50–97 ms (idle), 100 rows 32–48 ms.
 */
export const SHOWN_ROWS = 100;

export interface WindowStep {
  /** How many of the incoming rows to build and append: the latest ones. */
  build: number;
  /** How many shown rows to remove first: the oldest ones. */
  remove: number;
}

export class OutputWindow {
  readonly #limit: number;
  /** Rows on the page now. */
  shown = 0;
  /** Rows of this run no longer (or never) on the page. */
  omitted = 0;

  constructor(limit = SHOWN_ROWS) {
    this.#limit = limit;
  }

  /** `incoming` rows arrive at once: which to build and which shown rows give way. */
  take(incoming: number): WindowStep {
    const build = Math.min(incoming, this.#limit);
    const remove = Math.max(0, this.shown + build - this.#limit);
    this.omitted += incoming - build + remove;
    this.shown += build - remove;
    return { build, remove };
  }

  reset(): void {
    this.shown = 0;
    this.omitted = 0;
  }
}
