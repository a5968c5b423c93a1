/**
 * The sandbox worker: runs one reader program and streams its trace to the runner frame. One
 * worker per run, so every run starts from a fresh runtime (task numbers from Task-1, no
 * leftover timers); the frame terminates it when the run ends or is stopped.
 */
import { LIMITS } from "./limits.ts";
import { type ProgramHooks, reportStray, runProgram } from "./program.ts";
import { TraceBatcher } from "./trace-batcher.ts";
import type { FrameToWorker, WorkerToFrame } from "./worker-protocol.ts";

const post = (message: WorkerToFrame) => postMessage(message);
// Taken before the reader's globals replace the timers: these must stay real.
const nativeSetInterval = setInterval;
const nativeSetTimeout = setTimeout;
nativeSetInterval(() => post({ kind: "beat" }), LIMITS.heartbeatMs);

// Native timers must be called with no receiver: wrap them rather than pass them as methods.
const batcher = new TraceBatcher(
  (events) => post({ kind: "events", events }),
  (fn, ms) => nativeSetTimeout(fn, ms),
);

const hooks: ProgramHooks = {
  onEvent: (event) => batcher.push(event),
  onError: (t, error, origin) => {
    batcher.flush();
    post({ kind: "error", t, error, origin });
  },
  moduleUrl: (code) => URL.createObjectURL(new Blob([code], { type: "text/javascript" })),
  tick: () => new Promise((resolve) => nativeSetTimeout(resolve, 0)),
};

addEventListener("unhandledrejection", (e: PromiseRejectionEvent) => {
  e.preventDefault();
  reportStray(hooks, e.reason, "unhandled-rejection");
});
addEventListener("error", (e: ErrorEvent) => {
  e.preventDefault();
  reportStray(hooks, e.error ?? e.message, "uncaught");
});

addEventListener("message", async (e: MessageEvent<FrameToWorker>) => {
  if (e.data?.kind !== "run") return;
  const end = await runProgram(e.data.code, e.data.speed, hooks);
  batcher.flush();
  post({ kind: "end", ...end });
});
