/** The bounds that keep a reader's program from running away with the page. */
export const LIMITS = {
  /** Wall time a run may take at 1× and 10× before it is stopped. */
  wallSecondsReal: 20,
  /** Wall time a run may take at Instant (virtual clock) before it is stopped. */
  wallSecondsInstant: 10,
  /** The worker proves it is alive this often… */
  heartbeatMs: 200,
  /** …and is stopped as stuck after this long without a sign of life (`while (true) {}`). */
  silenceMs: 4000,
  /** Printed lines before the run is stopped with "output limit reached". */
  maxLines: 5000,
  /** Printed characters before the run is stopped with "output limit reached". */
  maxChars: 1_000_000,
  /** Virtual seconds an Instant run may reach. */
  maxVirtualSeconds: 3600,
  /** Loop steps an Instant run may take. */
  maxSteps: 5_000_000,
} as const;
