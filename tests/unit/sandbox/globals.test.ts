/**
 * The reader's timers: `setTimeout`/`setInterval` installed by the sandbox run on the asyncio
 * loop's clock, in order with the program's own timers, on behalf of the task that set them.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { installGlobals } from "../../../src/sandbox/globals.ts";
import { READER_MODULES } from "../../../src/shared/compile-options.ts";
import { record } from "../runtime/helpers.ts";

const { print } = asyncio;
type Timers = {
  setTimeout: (cb: () => void, ms?: number) => number;
  clearTimeout: (id: number) => void;
  setInterval: (cb: () => void, ms?: number) => number;
};
const g = globalThis as unknown as Timers & Record<string, unknown>;
let saved: PropertyDescriptorMap = {};

// installGlobals replaces globals (timers, print, console, …): put the test process's back after.
beforeEach(() => {
  saved = Object.getOwnPropertyDescriptors(globalThis);
  installGlobals(asyncio, (e) => {
    throw e;
  });
});
afterEach(() => {
  for (const key of Reflect.ownKeys(globalThis)) {
    const added = !(key in saved) && Object.getOwnPropertyDescriptor(globalThis, key)?.configurable;
    if (added) delete (globalThis as Record<PropertyKey, unknown>)[key];
  }
  Object.defineProperties(globalThis, saved);
});

test("setTimeout fires on loop time, in order with the program's timers, attributed to its task", async () => {
  const r = await record(async () => {
    const t1 = asyncio.createTask(async () => {
      await new Promise<void>((res) => g.setTimeout(res, 1500));
      print("after native-style wait");
      await asyncio.sleep(1);
      print("after sleep");
    });
    await asyncio.sleep(1);
    print("main at 1");
    await t1;
  });
  assert.equal(
    r.transcript,
    "[t=1.000 Task-1] main at 1\n[t=1.500 Task-2] after native-style wait\n[t=2.500 Task-2] after sleep\n",
  );
});

test("clearTimeout cancels; setInterval repeats until cleared", async () => {
  const r = await record(async () => {
    const id = g.setTimeout(() => print("never"), 500);
    g.clearTimeout(id);
    let n = 0;
    const iv = g.setInterval(() => {
      n += 1;
      print("interval", n);
      if (n === 3) g.clearTimeout(iv);
    }, 1000);
    await asyncio.sleep(5);
  });
  assert.equal(r.transcript, "[t=1.000] interval 1\n[t=2.000] interval 2\n[t=3.000] interval 3\n");
});

test("every module a reader may import is installed as the global its compiled import reads", () => {
  for (const [name, global] of Object.entries(READER_MODULES))
    assert.equal(typeof g[global], "object", `${name} → ${global}`);
  // contextvars is the runtime's own module, the one asyncio's tasks copy their context from.
  assert.equal(g[READER_MODULES.contextvars!], asyncio.contextvars);
});

test("a loop on a real clock waits with the host's own timer, not the reader's setTimeout (which would wake it at once, and spin)", async () => {
  asyncio.resetRuntime();
  asyncio.configure({ clock: "scaled" });
  try {
    const steps = await asyncio.run(async () => {
      await asyncio.sleep(0.5); // 50 ms of real time at 10×
      const loop = asyncio.getRunningLoop();
      return { handles: loop._steps, timers: loop._scheduled.length };
    });
    // One step to start main and one to wake it; a spinning wait adds a loop timer per turn.
    assert.ok(steps.handles <= 3, `${steps.handles} handles ran`);
    assert.equal(steps.timers, 0);
  } finally {
    asyncio.resetRuntime();
  }
});
