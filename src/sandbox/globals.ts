/**
 * What reader code finds in the worker besides `asyncio`: `print` (Python's, stamped with the
 * current task and time), `console` writing through the same path, timers that run on the
 * asyncio loop (so they share its clock and speed), and the simulated services (`random`,
 * `aiohttp`, …, and a `fetch` that reaches only the simulated network). Installed once per
 * worker, before the reader's module is imported.
 */
import type * as Asyncio from "../runtime/asyncio/index.ts";
import { READER_MODULES } from "../shared/compile-options.ts";
import { TASK_MARKS } from "../shared/task-marks.ts";
import { readerAsyncio } from "./reader-asyncio.ts";
import { installServices } from "./services/install.ts";

type Runtime = typeof Asyncio;

export interface ProgramTimers {
  /** Timers set outside any running loop that have not fired or been cleared. */
  pending(): number;
  /** Resolves when `pending()` next drops to zero. */
  idle(): Promise<void>;
}

export function installGlobals(
  asyncio: Runtime,
  onUncaught: (error: unknown) => void,
): ProgramTimers {
  const g = globalThis as Record<string, unknown>;
  // The runtime's reader modules; `contextvars`, `signal` and `os` are the very modules asyncio's
  // tasks, loop and child processes use (src/shared/reader-modules.ts lists them; a unit test
  // checks all are here).
  const runtimeModules: Record<string, unknown> = {
    asyncio: readerAsyncio(asyncio),
    contextvars: asyncio.contextvars,
    signal: asyncio.signal,
    os: asyncio.os,
  };
  for (const [name, module] of Object.entries(runtimeModules)) {
    const moduleGlobal = READER_MODULES[name];
    if (moduleGlobal) g[moduleGlobal] = module;
  }
  installServices(g); // the reader modules of src/sandbox/services, and `fetch` on the simulated network
  // What the compiler marked the program doing with the tasks it creates (src/shared/task-marks.ts).
  Object.defineProperty(g, TASK_MARKS.dropped, {
    get: asyncio.host.droppedStatement,
    configurable: true,
  });
  Object.defineProperty(g, TASK_MARKS.local, {
    set: asyncio.host.markLocal,
    get: () => undefined,
    configurable: true,
  });
  g.print = asyncio.print;
  const write = (...args: unknown[]) => asyncio.print(...args);
  g.console = { ...console, log: write, info: write, debug: write, warn: write, error: write };

  const nativeSetTimeout = setTimeout;
  const nativeClearTimeout = clearTimeout;
  const handles = new Map<number, { cancel(): void }>();
  let nextId = 1;
  let outside = 0;
  let idleWaiters: (() => void)[] = [];
  const settle = () => {
    if (outside > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const guard = (fn: () => void) => () => {
    try {
      fn();
    } catch (error) {
      onUncaught(error);
    }
  };

  /** One timer; `repeat` re-arms it after each firing, like setInterval. */
  const schedule = (callback: unknown, ms: unknown, args: unknown[], repeat: boolean): number => {
    const id = nextId++;
    if (typeof callback !== "function") throw new TypeError("setTimeout needs a function");
    const delay = Math.max(0, Number(ms) || 0) / 1000;
    const run = guard(() => (callback as (...a: unknown[]) => void)(...args));
    const arm = () => {
      if (asyncio.host.isRunning()) {
        // On behalf of the calling task, so the continuation a timer settles stays attributed to it.
        const handle = asyncio.host.callFor(asyncio.host.contextTask(), delay, () => {
          if (repeat) arm();
          else handles.delete(id);
          run();
        });
        handles.set(id, handle);
      } else {
        outside += 1;
        const native = nativeSetTimeout(() => {
          outside -= 1;
          if (repeat) arm();
          else handles.delete(id);
          run();
          settle();
        }, delay * 1000);
        handles.set(id, {
          cancel() {
            nativeClearTimeout(native);
            outside -= 1;
            settle();
          },
        });
      }
    };
    arm();
    return id;
  };
  const clear = (id: unknown) => {
    const handle = handles.get(Number(id));
    handles.delete(Number(id));
    handle?.cancel();
  };
  g.setTimeout = (cb: unknown, ms?: unknown, ...args: unknown[]) => schedule(cb, ms, args, false);
  g.setInterval = (cb: unknown, ms?: unknown, ...args: unknown[]) => schedule(cb, ms, args, true);
  g.clearTimeout = clear;
  g.clearInterval = clear;

  return {
    pending: () => outside,
    idle: () => (outside === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r))),
  };
}
