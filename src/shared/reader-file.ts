/**
 * The name the reader's program has when it is compiled: what compile errors, source maps and
 * stack traces call it. A module of its own so the page's always-loaded code (mapping a run's
 * error back to the reader's lines) need not bring the compiler's options and the list of
 * simulated modules with it.
 */
export const READER_FILE = "main.ts";
