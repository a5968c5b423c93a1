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

test("loop: setExceptionHandler/getExceptionHandler/callExceptionHandler with CPython's context keys; restoring the old handler", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def boom():
        raise ValueError("lost")
    async def main():
        loop = asyncio.get_running_loop()
        old = loop.get_exception_handler()
        def handler(loop, context):
            exc = context.get("exception")
            where = "future" if "future" in context else "handle" if "handle" in context else "-"
            message = " ".join(context["message"].split()[:3])
            print("handler:", message, type(exc).__name__, exc, where)
        loop.set_exception_handler(handler)
        print(loop.get_exception_handler() is handler)
        def bad():
            raise ValueError("in callback")
        loop.call_soon(bad)
        await asyncio.sleep(0)
        loop.call_exception_handler({"message": "custom"})
        loop.set_exception_handler(old)
        loop.call_exception_handler({"message": "via default", "exception": ValueError("shown")})
        try:
            loop.set_exception_handler(42)
        except TypeError:
            print("TypeError")
        loop.set_exception_handler(handler)
        held = asyncio.create_task(boom())
        print("held is", held.get_name())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("main ends", held.done())
    asyncio.run(main())
    `,
    async () => {
      const boom = async () => {
        throw new asyncio.ValueError("lost");
      };
      const loop = asyncio.getRunningLoop();
      const old = loop.getExceptionHandler();
      const handler: asyncio.ExceptionHandler = (_loop, context) => {
        const exc = context.exception;
        const where = "future" in context ? "future" : "handle" in context ? "handle" : "-";
        const message = context.message.split(" ").slice(0, 3).join(" ");
        const type = exc === undefined ? "NoneType" : (exc as Error).name;
        const text = exc === undefined ? "None" : asyncio.pyStr(exc);
        print("handler:", message, type, text, where);
      };
      loop.setExceptionHandler(handler);
      print(loop.getExceptionHandler() === handler);
      loop.callSoon(() => {
        throw new asyncio.ValueError("in callback");
      });
      await asyncio.sleep(0);
      loop.callExceptionHandler({ message: "custom" });
      loop.setExceptionHandler(old);
      loop.callExceptionHandler({
        message: "via default",
        exception: new asyncio.ValueError("shown"),
      });
      try {
        loop.setExceptionHandler(42 as unknown as asyncio.ExceptionHandler);
      } catch (e) {
        if (e instanceof TypeError) print("TypeError");
      }
      loop.setExceptionHandler(handler);
      const held = asyncio.createTask(boom);
      print("held is", held.getName()); // used: reported when main ends, as CPython does
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print("main ends", held.done());
    },
    `
    [t=0.000 Task-1] True
    [t=0.000] handler: Exception in callback ValueError in callback handle
    [t=0.000 Task-1] handler: custom NoneType None -
    [t=0.000] LOOP-ERROR ValueError: shown
    [t=0.000 Task-1] TypeError
    [t=0.000 Task-1] held is Task-2
    [t=0.000 Task-1] main ends True
    [t=0.000 Task-1] handler: Task exception was ValueError lost future
    `,
  );
});

test("loop: a long run gives the host a turn every slice, inside an iteration too, and prints the same", async () => {
  // 3 iterations of 3,000 handles each: far fewer iterations than handles.
  const program = async () => {
    const worker = async (n: number) => {
      for (let i = 0; i < 3; i++) {
        if (n % 1000 === 0) print("worker", n, "step", i);
        await asyncio.sleep(0);
      }
    };
    await asyncio.gather(...Array.from({ length: 3000 }, (_, n) => () => worker(n)));
  };
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  // sliceMs 0: every look at the clock (every 1,024 handles) finds the slice used up.
  const sliced = await record(program, { limits: { sliceMs: 0 } });
  counting = false;
  const whole = await record(program, { limits: { sliceMs: 1e9 } });
  assert.ok(turns >= 8, `the host had ${turns} turns during 9,000 handles`);
  assert.equal(sliced.transcript, whole.transcript);
  assert.match(sliced.transcript, /Task-2002\] worker 2000 step 2/);
});
