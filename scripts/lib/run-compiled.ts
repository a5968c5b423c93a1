/**
 * Runs one compiled reader program in this thread exactly as the page's worker does (same
 * globals, same runtime, same end-of-program rule). The runtime is a module singleton, so a
 * thread runs one program: `scripts/run-example.ts` gives each its own process, the unit tests
 * each its own worker thread (`fresh-worker-pool.ts`).
 */
import type { TraceEvent } from "../../src/runtime/asyncio/trace.ts";
import { transcript } from "../../src/runtime/asyncio/transcript.ts";
import { type ProgramEnd, reportStray, runProgram } from "../../src/sandbox/program.ts";
import type { RunOptions } from "../../src/sandbox/protocol.ts";

export interface NodeRun {
  transcript: string;
  events: TraceEvent[];
  end: ProgramEnd;
  /** Errors outside the transcript (uncaught in a timer, unhandled rejections), one line each. */
  strays: string[];
}

/** The page's defaults: the virtual clock, the runtime following CPython 3.11. */
export const NODE_RUN_DEFAULTS: RunOptions = { speed: "instant", python: "3.11" };

/** Runs compiled reader code on this thread's runtime (call once per thread: fresh runtime). */
export async function runCompiled(
  code: string,
  options: Partial<RunOptions> = {},
): Promise<NodeRun> {
  const events: TraceEvent[] = [];
  const strays: string[] = [];
  const nativeSetTimeout = setTimeout;
  const hooks = {
    onEvent: (e: TraceEvent) => events.push(e),
    onError: (_t: number, e: { type: string; message: string }, origin: string) =>
      strays.push(`${origin}: ${e.type}: ${e.message}`),
    moduleUrl: (js: string) => `data:text/javascript;base64,${Buffer.from(js).toString("base64")}`,
    tick: () => new Promise<void>((resolve) => nativeSetTimeout(resolve, 0)),
  };
  process.on("unhandledRejection", (reason) => reportStray(hooks, reason, "unhandled-rejection"));
  const end = await runProgram(code, { ...NODE_RUN_DEFAULTS, ...options }, hooks);
  return { transcript: transcript(events), events, end, strays };
}
