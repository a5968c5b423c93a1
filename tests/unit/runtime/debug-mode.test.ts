/**
 * Debug mode (`slow-callback.ts`, `task-repr.ts`) and "Task was destroyed but it is pending!"
 * (`destroyed-pending.ts`), each against CPython's transcript of the same program: the warning's
 * wording, the repr of what held the loop, and the loop time it is logged at.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { recordScript } from "./helpers.ts";
import { sameAsPython, scriptSameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("a task step that blocks for 0.25 s is reported after it parks, with what it waits on", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio, time
    async def main():
        print("start")
        time.sleep(0.25)
        await asyncio.sleep(0.1)
        print("end")
    asyncio.run(main(), debug=True)
    `,
    async () => {
      await asyncio.run(
        async function main() {
          print("start");
          asyncio.blockingSleep(0.25);
          await asyncio.sleep(0.1);
          print("end");
        },
        { debug: true },
      );
    },
    `
    [t=0.000 Task-1] start
    [t=0.250] WARNING:asyncio:Executing <Task pending name='Task-1' coro=<main() running> wait_for=<Future pending cb=[Task.task_wakeup()]> cb=[_run_until_complete_cb()]> took 0.250 seconds
    [t=0.350 Task-1] end
    `,
  );
});

test("without debug mode, or under the threshold, nothing is reported; a step that ends the task shows its result", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, time
    async def work_hard():
        await asyncio.sleep(0)
        time.sleep(0.3)
        return 42
    async def main():
        loop = asyncio.get_running_loop()
        time.sleep(0.5)  # debug mode is off: not reported
        await asyncio.sleep(0)
        loop.set_debug(True)
        print(loop.get_debug(), loop.slow_callback_duration)
        time.sleep(0.05)  # under 0.1 s
        await asyncio.sleep(0)
        print(await asyncio.create_task(work_hard()))
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      asyncio.blockingSleep(0.5);
      await asyncio.sleep(0);
      loop.setDebug(true);
      print(loop.getDebug() ? "True" : "False", loop.slowCallbackDuration.toFixed(1));
      asyncio.blockingSleep(0.05);
      await asyncio.sleep(0);
      print(
        await asyncio.createTask(async function workHard() {
          await asyncio.sleep(0);
          asyncio.blockingSleep(0.3);
          return 42;
        }),
      );
    },
    `
    [t=0.500 Task-1] True 0.1
    [t=0.850] WARNING:asyncio:Executing <Task finished name='Task-2' coro=<work_hard() done> result=42> took 0.300 seconds
    [t=0.850 Task-1] 42
    `,
  );
});

test("a slow plain callback shows as its handle, with its arguments; the threshold is the loop's", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, time
    def flush(what, n):
        time.sleep(0.3)
        print("flushed", what, n)
    async def main():
        loop = asyncio.get_running_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = 0.25
        loop.call_soon(flush, "logs", 3)
        loop.call_later(0.5, flush, "metrics", 1)
        await asyncio.sleep(1)
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      loop.setDebug(true);
      loop.slowCallbackDuration = 0.25;
      function flush(what: string, n: number) {
        asyncio.blockingSleep(0.3);
        print("flushed", what, n);
      }
      loop.callSoon(flush, "logs", 3);
      loop.callLater(0.5, flush, "metrics", 1);
      await asyncio.sleep(1);
    },
    `
    [t=0.300] flushed logs 3
    [t=0.300] WARNING:asyncio:Executing <Handle flush('logs', 3)> took 0.300 seconds
    [t=0.800] flushed metrics 1
    [t=0.800] WARNING:asyncio:Executing <TimerHandle when=0.5 flush('metrics', 1)> took 0.300 seconds
    `,
  );
});

test("a task that caught its cancellation shows as cancelling while it goes on", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, time
    async def child():
        await asyncio.sleep(5)
    async def stubborn():
        try:
            await asyncio.create_task(child())
        except asyncio.CancelledError:
            time.sleep(0.2)
            await asyncio.sleep(1)
    async def main():
        asyncio.get_running_loop().set_debug(True)
        t = asyncio.create_task(stubborn())
        await asyncio.sleep(0.5)
        t.cancel()
        await asyncio.sleep(2)
        print("done")
    asyncio.run(main())
    `,
    async () => {
      asyncio.getRunningLoop().setDebug(true);
      const t = asyncio.createTask(async function stubborn() {
        try {
          await asyncio.createTask(async function child() {
            await asyncio.sleep(5);
          });
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
          asyncio.blockingSleep(0.2);
          await asyncio.sleep(1);
        }
      });
      await asyncio.sleep(0.5);
      t.cancel();
      await asyncio.sleep(2);
      print("done");
    },
    `
    [t=0.700] WARNING:asyncio:Executing <Task cancelling name='Task-2' coro=<stubborn() running> wait_for=<Future pending cb=[Task.task_wakeup()]>> took 0.200 seconds
    [t=2.500 Task-1] done
    `,
  );
});

test("a loop closed with pending tasks: each is destroyed pending, once the loop is gone", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    async def forever(name):
        while True:
            await asyncio.sleep(1)
    async def quick():
        await asyncio.sleep(0.5)
    loop = asyncio.new_event_loop()
    loop.create_task(forever("a"))
    loop.create_task(quick())
    loop.create_task(forever("b"))
    loop.call_later(1.5, loop.stop)
    loop.run_forever()
    loop.close()
    `,
    async () => {
      const loop = asyncio.newEventLoop();
      const forever = async () => {
        for (;;) await asyncio.sleep(1);
      };
      loop.createTask(forever);
      loop.createTask(() => asyncio.sleep(0.5));
      loop.createTask(forever);
      loop.callLater(1.5, () => loop.stop());
      await loop.runForever();
      loop.close();
    },
    `
    [t=1.500] LOOP-ERROR Task was destroyed but it is pending!
    [t=1.500] LOOP-ERROR Task was destroyed but it is pending!
    `,
  );
});

test("asyncio.run leaves no pending task to destroy, debug mode or not", async () => {
  const ts = await recordScript(async () => {
    await asyncio.run(
      async () => {
        asyncio.createTask(() => asyncio.sleep(10));
        await asyncio.sleep(1);
      },
      { debug: true },
    );
  });
  assert.doesNotMatch(ts, /destroyed/);
});
