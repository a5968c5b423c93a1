/**
 * The bounds every message between the sandbox and the page keeps, checked on both sides of
 * the wire: the worker cuts what it sends to fit (`text-cut.ts`), and the frame and the page
 * refuse what does not fit (`protocol-check.ts`), so no value a program makes can cost the
 * page more than these.
 */
export const PROTOCOL_BOUNDS = {
  /** Loop time, seconds: a run is stopped long before (wall and virtual limits). */
  maxT: 10_000_000,
  /** Characters of one string (a printed line, a task name, an error message) once cut. */
  maxString: 4096,
  /** A string longer than this is cut to it, with its full length said. */
  cutAt: 2000,
  /** Lines of one escaped exception (an ExceptionGroup's sub-exceptions). */
  maxExceptionLines: 200,
  /** Trace events in one message. */
  batch: 2000,
  /** Characters of a channel name (`example-id#3`). */
  maxChannel: 200,
  /** A task number or a run id. */
  maxId: 2 ** 53 - 1,
} as const;
