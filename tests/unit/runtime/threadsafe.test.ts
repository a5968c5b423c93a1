import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { recordScript } from "./helpers.ts";
import { sameAsPython, scriptSameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("runCoroutineThreadsafe: a loop beside the program's own code; results and errors reach the waiting code, stamped as CPython stamps them", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import threading

    async def double(n):
        await asyncio.sleep(n / 10)
        if n < 0:
            raise ValueError(f"negative: {n}")
        return n * 2

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever)
    thread.start()
    for n in [3, -1]:
        future = asyncio.run_coroutine_threadsafe(double(n), loop)
        try:
            print("got", future.result(timeout=5))
        except ValueError as e:
            print("error", e, future.done(), future.cancelled())
    print("running", loop.is_running())
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    print("running", loop.is_running(), "closed", loop.is_closed())
    loop.close()
    `,
    async () => {
      async function double(n: number): Promise<number> {
        await asyncio.sleep(n / 10);
        if (n < 0) throw new asyncio.ValueError(`negative: ${n}`);
        return n * 2;
      }
      const loop = asyncio.newEventLoop();
      const thread = loop.runForever();
      for (const n of [3, -1]) {
        const future = asyncio.runCoroutineThreadsafe(() => double(n), loop);
        try {
          print("got", await future.result({ timeout: 5 }));
        } catch (e) {
          if (!(e instanceof asyncio.ValueError)) throw e;
          print("error", e.message, future.done(), future.cancelled());
        }
      }
      print("running", loop.isRunning());
      loop.callSoonThreadsafe(() => loop.stop());
      await thread;
      print("running", loop.isRunning(), "closed", loop.isClosed());
      loop.close();
    },
    `
    [t=0.300] got 6
    [t=0.300] error negative: -1 True False
    [t=0.300] running True
    [t=0.300] running False closed False
    `,
  );
});

test("a ConcurrentFuture is not awaitable: TypeError, as in CPython; its result() is", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio

    async def work():
        print("work runs")
        return 1

    async def main():
        loop = asyncio.get_running_loop()
        future = asyncio.run_coroutine_threadsafe(work(), loop)
        try:
            await future
        except TypeError as e:
            print("TypeError:", e)
        await asyncio.sleep(0.1)
        print(future.done(), future.result())

    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      const future = asyncio.runCoroutineThreadsafe(async () => {
        print("work runs");
        return 1;
      }, loop);
      try {
        await future;
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        print("TypeError:", e.message);
      }
      await asyncio.sleep(0.1);
      print(future.done(), await future.result());
    },
  );
});

test("result({ timeout }) gives up on the loop's clock; cancel() then cancels the task there", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import concurrent.futures
    import threading

    async def slow():
        try:
            print("slow: started")
            await asyncio.sleep(3)
            return "late"
        except asyncio.CancelledError:
            print("slow: cancelled")
            raise

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever)
    thread.start()
    future = asyncio.run_coroutine_threadsafe(slow(), loop)
    try:
        future.result(timeout=0.5)
    except TimeoutError as e:
        print("main:", type(e).__name__, "cancel:", future.cancel())
    try:
        future.result()
    except concurrent.futures.CancelledError as e:
        print("main:", type(e).__name__, future.cancelled())
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()  # let the cancel land
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    print("stopped")
    loop.close()
    `,
    async () => {
      const loop = asyncio.newEventLoop();
      const thread = loop.runForever();
      const future = asyncio.runCoroutineThreadsafe(async () => {
        try {
          print("slow: started");
          await asyncio.sleep(3);
          return "late";
        } catch (e) {
          if (e instanceof asyncio.CancelledError) print("slow: cancelled");
          throw e;
        }
      }, loop);
      try {
        await future.result({ timeout: 0.5 });
      } catch (e) {
        assert.ok(e instanceof asyncio.TimeoutError);
        print("main:", e.name, "cancel:", future.cancel());
      }
      try {
        await future.result();
      } catch (e) {
        assert.ok(e instanceof asyncio.ConcurrentCancelledError);
        print("main:", e.name, future.cancelled());
      }
      await asyncio.runCoroutineThreadsafe(() => asyncio.sleep(0), loop).result();
      loop.callSoonThreadsafe(() => loop.stop());
      await thread;
      print("stopped");
      loop.close();
    },
  );
});

test("callSoonThreadsafe from outside: what that code asks before it waits lands in one iteration", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import threading

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever)
    thread.start()

    def first():
        print("first")
        loop.call_soon(lambda: print("next iteration: never, the loop has stopped"))

    loop.call_soon_threadsafe(first)
    loop.call_soon_threadsafe(print, "second")
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    print("joined")
    loop.close()
    `,
    async () => {
      const loop = asyncio.newEventLoop();
      const thread = loop.runForever();
      loop.callSoonThreadsafe(() => {
        print("first");
        loop.callSoon(() => print("next iteration: never, the loop has stopped"));
      });
      loop.callSoonThreadsafe(print, "second");
      loop.callSoonThreadsafe(() => loop.stop());
      await thread;
      print("joined");
      loop.close();
    },
    `
    [t=0.000] first
    [t=0.000] second
    [t=0.000] joined
    `,
  );
});

test("close() refuses a running loop, as CPython does; runForever() refuses a second run", async () => {
  await recordScript(async () => {
    const loop = asyncio.newEventLoop();
    const thread = loop.runForever();
    assert.throws(() => loop.close(), /Cannot close a running event loop/);
    assert.throws(() => loop.runForever(), /This event loop is already running/);
    loop.callSoonThreadsafe(() => loop.stop());
    await thread;
    loop.close();
    assert.equal(loop.isClosed(), true);
  });
});
