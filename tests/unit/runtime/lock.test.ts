import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("Lock: FIFO hand-off one iteration later; cancellation while waiting passes the lock on", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def user(lock, i, d):
        try:
            async with lock:
                print("has lock", i)
                await asyncio.sleep(d)
        except asyncio.CancelledError:
            print("cancelled while waiting", i)
            raise
    async def main():
        lock = asyncio.Lock()
        ts = [asyncio.create_task(user(lock, i, 1)) for i in range(4)]
        await asyncio.sleep(0.5)
        ts[2].cancel()
        await asyncio.gather(*ts, return_exceptions=True)
        print(lock.locked())
        try:
            lock.release()
        except RuntimeError as e:
            print("RuntimeError", e)
    asyncio.run(main())
    `,
    async () => {
      const lock = new asyncio.Lock();
      const user = async (i: number, d: number) => {
        try {
          await using _ = await lock.hold();
          print("has lock", i);
          await asyncio.sleep(d);
        } catch (e) {
          print("cancelled while waiting", i);
          throw e;
        }
      };
      const ts = [0, 1, 2, 3].map((i) => asyncio.createTask(() => user(i, 1)));
      await asyncio.sleep(0.5);
      ts[2]!.cancel();
      await asyncio.gather(...ts, { returnExceptions: true });
      print(lock.locked());
      try {
        lock.release();
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print("RuntimeError", e.message);
      }
    },
  );
});
