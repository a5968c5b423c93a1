/**
 * The sandbox worker: runs one reader program and streams its trace to the runner frame. One
 * worker per run, so every run starts from a fresh runtime (task numbers from Task-1, no
 * leftover timers); the frame terminates it when the run ends or is stopped. While it waits
 * for its run, the frame may load programs into it (`PreloadedPrograms`), so that a Run of one
 * of them starts at once.
 *
 * It speaks to the frame only over the `MessagePort` the frame hands it first (see
 * worker-protocol.ts): the reader's code shares this global scope, but not this module's
 * closure, so it cannot speak for the runtime. The global `postMessage` is closed off before
 * any reader code runs (it drops what it is given), so the reader has no channel to the frame.
 */
// First: the runtime and the services define `[Symbol.asyncDispose]` methods as they load.
import "./disposal-fill.ts";
import type { ProgramTimers } from "./globals.ts";
import { LIMITS } from "./limits.ts";
import { PreloadedPrograms } from "./preloaded-programs.ts";
import {
  installReaderGlobals,
  type ProgramHooks,
  type ProgramModule,
  reportStray,
  runModule,
} from "./program.ts";
import { cutEvent, cutRunError } from "./text-cut.ts";
import { TraceBatcher } from "./trace-batcher.ts";
import type { FrameToWorker, FrameToWorkerGlobal, WorkerToFrame } from "./worker-protocol.ts";

// Taken before the reader's globals replace the timers and before any reader code runs.
const nativeSetInterval = setInterval;
const nativeSetTimeout = setTimeout;
const nativeClose = close.bind(self);
const portPost = MessagePort.prototype.postMessage;

let port: MessagePort | null = null;
let lastT = 0;
/** Stray errors reported so far (uncaught, unhandled rejections). */
let strays = 0;
const post = (message: WorkerToFrame) => {
  if (port) portPost.call(port, message);
};

// Native timers must be called with no receiver: wrap them rather than pass them as methods.
const batcher = new TraceBatcher(
  (events, dropped) => post({ kind: "events", events, dropped }),
  (fn, ms) => nativeSetTimeout(fn, ms),
);

const hooks: ProgramHooks = {
  onEvent: (event) => {
    lastT = event.t;
    const cut = cutEvent(event);
    batcher.push(cut.event, cut.dropped);
  },
  onError: (t, error, origin) => {
    strays += 1;
    batcher.flush();
    post({ kind: "error", t, error: cutRunError(error), origin });
  },
  onUnprintable: (end) => {
    batcher.flush();
    post({ kind: "end", ...end });
  },
  moduleUrl: (code) => URL.createObjectURL(new Blob([code], { type: "text/javascript" })),
  tick: () => new Promise((resolve) => nativeSetTimeout(resolve, 0)),
};

/** `close()` from the reader's code: send what was printed and say so, then close. */
function closeWorker(): void {
  batcher.flush();
  post({ kind: "closed", t: lastT });
  nativeClose();
}
for (let o: object | null = self; o !== null; o = Object.getPrototypeOf(o)) {
  if (Object.hasOwn(o, "close"))
    Object.defineProperty(o, "close", { value: closeWorker, writable: false, configurable: false });
}

/**
 * The global `postMessage` reaches the frame outside the private port. The frame refuses what
 * arrives there, but only after it has arrived: a loop flooding it made the frame (and the page,
 * which shares its thread on a busy machine) handle every message, for tens of seconds before
 * the budget stopped the run. Nothing of the sandbox posts there, so the reader's is a no-op.
 */
function postNothing(): void {}
for (let o: object | null = self; o !== null; o = Object.getPrototypeOf(o)) {
  if (Object.hasOwn(o, "postMessage"))
    Object.defineProperty(o, "postMessage", {
      value: postNothing,
      writable: false,
      configurable: false,
    });
}

addEventListener("unhandledrejection", (e: PromiseRejectionEvent) => {
  e.preventDefault();
  reportStray(hooks, e.reason, "unhandled-rejection");
});
addEventListener("error", (e: ErrorEvent) => {
  e.preventDefault();
  reportStray(hooks, e.error ?? e.message, "uncaught");
});

/**
 * Waits until the program's stray errors have all been reported. Chromium fires
 * `unhandledrejection` a task or two after the rejection (measured: after the first zero-delay
 * timer, before the second), so a program that rejects 20,000 promises and then finishes at
 * once would otherwise end before any of them reached the run's budget. Over after two ticks
 * in a row report nothing new (or `MAX_TICKS`, for a program that rejects on every tick).
 */
async function strayErrorsReported(): Promise<void> {
  const MAX_TICKS = 50;
  for (let tick = 0, quiet = 0; quiet < 2 && tick < MAX_TICKS; tick++) {
    const before = strays;
    await hooks.tick();
    quiet = strays === before ? quiet + 1 : 0;
  }
}

const preloaded = new PreloadedPrograms(hooks.moduleUrl, (id) => post({ kind: "held", id }));

/** The program a run message names: preloaded (`go`), or given now (`run`). */
function programOf(message: FrameToWorker): ProgramModule | null {
  if (message.kind === "run") {
    const url = hooks.moduleUrl(message.code);
    return { url, evaluate: () => import(/* @vite-ignore */ url) };
  }
  if (message.kind !== "go") return null;
  const held = preloaded.take(message.id);
  return held && { url: held.url, evaluate: held.release };
}

let started = false;
/** The reader's globals, installed while the worker waits for its run (not on the run's time). */
let readerGlobals: ProgramTimers | null = null;

async function onPortMessage(e: MessageEvent<FrameToWorker>): Promise<void> {
  const message = e.data;
  if (message?.kind === "load") {
    if (!started) preloaded.load(message.id, message.code);
    return;
  }
  // One run per worker: the frame never asks for a second, and nothing else may start one.
  if (started || (message?.kind !== "run" && message?.kind !== "go")) return;
  started = true;
  const program = programOf(message);
  const end = program
    ? await runModule(program, message, hooks, readerGlobals ?? undefined)
    : { status: "failed" as const, t: 0, error: null, detail: "the sandbox lost the program" };
  await strayErrorsReported();
  batcher.flush();
  post({ kind: "end", ...end });
}

function takePort(e: MessageEvent<FrameToWorkerGlobal>): void {
  const given = e.ports[0];
  if (port || e.data?.kind !== "port" || !given) return;
  port = given;
  removeEventListener("message", takePort);
  given.onmessage = (m) => void onPortMessage(m);
  nativeSetInterval(() => post({ kind: "beat" }), LIMITS.heartbeatMs);
  readerGlobals = installReaderGlobals(hooks);
}
addEventListener("message", takePort);
