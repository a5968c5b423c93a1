import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("waitFor: result in time; on timeout the inner task is cancelled and TimeoutError raised", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def slow(d):
        try:
            await asyncio.sleep(d)
            return d
        except asyncio.CancelledError:
            print("slow cancelled", asyncio.current_task().get_name())
            raise
    async def main():
        print(await asyncio.wait_for(slow(1), 2))
        try:
            await asyncio.wait_for(slow(5), 2)
        except TimeoutError as e:
            print("timeout", repr(e))
        print(await asyncio.wait_for(slow(1), None))
    asyncio.run(main())
    `,
    async () => {
      const slow = async (d: number) => {
        try {
          await asyncio.sleep(d);
          return d;
        } catch (e) {
          print("slow cancelled", asyncio.currentTask()!.getName());
          throw e;
        }
      };
      print(await asyncio.waitFor(() => slow(1), 2));
      try {
        await asyncio.waitFor(() => slow(5), 2);
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("timeout", asyncio.pyRepr(e));
      }
      print(await asyncio.waitFor(() => slow(1), null));
    },
  );
});

test("timeout(): the callback form and the await-using form raise TimeoutError like Python", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        try:
            async with asyncio.timeout(1):
                await asyncio.sleep(2)
        except TimeoutError as e:
            print("first", repr(e))
        try:
            async with asyncio.timeout(1) as cm:
                await asyncio.sleep(2)
        except TimeoutError as e:
            print("second", repr(e), cm.expired())
        async with asyncio.timeout(5) as cm:
            await asyncio.sleep(1)
        print("in time", cm.expired())
        async with asyncio.timeout(None):
            await asyncio.sleep(1)
        async with asyncio.timeout(1):
            await asyncio.sleep(2)
    asyncio.run(main())
    `,
    async () => {
      try {
        await asyncio.timeout(1, async () => {
          await asyncio.sleep(2);
        });
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("first", asyncio.pyRepr(e));
      }
      let cm: asyncio.Timeout | null = null;
      try {
        await asyncio.timeout(1, async (scope) => {
          cm = scope;
          await asyncio.sleep(2);
        });
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("second", asyncio.pyRepr(e), cm!.expired());
      }
      const ok = await asyncio.timeout(5, async (c) => {
        await asyncio.sleep(1);
        return c;
      });
      print("in time", ok.expired());
      await asyncio.timeout(null, () => asyncio.sleep(1));
      await asyncio.timeout(1, () => asyncio.sleep(2));
    },
    `
    [t=1.000 Task-1] first TimeoutError()
    [t=2.000 Task-1] second TimeoutError() True
    [t=3.000 Task-1] in time False
    [t=5.000] EXC TimeoutError
    `,
  );
});

test("timeout: reschedule moves the deadline; a timeout outside a task is a RuntimeError", async () => {
  const r = await record(async () => {
    await asyncio.timeout(1, async (cm) => {
      cm.reschedule(asyncio.getRunningLoop().time() + 3);
      await asyncio.sleep(2);
      print("survived", cm.when());
    });
  });
  assert.equal(r.transcript, "[t=2.000 Task-1] survived 3\n");
});
