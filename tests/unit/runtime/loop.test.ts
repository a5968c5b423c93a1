import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("loop: callSoon FIFO, callLater/callAt ordering, handles cancel, callbacks have no task", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        loop = asyncio.get_running_loop()
        loop.call_later(0.2, print, "later 0.2")
        loop.call_at(loop.time() + 0.1, print, "at 0.1")
        h = loop.call_later(0.15, print, "cancelled")
        loop.call_soon(print, "soon 1")
        loop.call_soon(print, "soon 2")
        h.cancel()
        print(h.cancelled())
        await asyncio.sleep(0.3)
        def bad():
            raise ValueError("in callback")
        loop.call_soon(bad)
        await asyncio.sleep(0)
        print(round(loop.time(), 3))
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      loop.callLater(0.2, print, "later 0.2");
      loop.callAt(loop.time() + 0.1, print, "at 0.1");
      const h = loop.callLater(0.15, print, "cancelled");
      loop.callSoon(print, "soon 1");
      loop.callSoon(print, "soon 2");
      h.cancel();
      print(h.cancelled());
      await asyncio.sleep(0.3);
      loop.callSoon(() => {
        throw new asyncio.ValueError("in callback");
      });
      await asyncio.sleep(0);
      print(Math.round(loop.time() * 1000) / 1000);
    },
  );
});

test("loop: 1000 timers cancelled out of 1100 are cleaned up as CPython does, without disturbing order", async () => {
  const r = await record(async () => {
    const loop = asyncio.getRunningLoop();
    const hs = Array.from({ length: 1100 }, (_, i) => loop.callLater(1 + (i % 7), () => {}));
    for (const h of hs.slice(0, 1000)) h.cancel();
    loop.callLater(0.5, print, "first");
    await asyncio.sleep(10);
    print(loop._scheduled.length);
  });
  assert.equal(r.transcript, "[t=0.500] first\n[t=10.000 Task-1] 0\n");
});
