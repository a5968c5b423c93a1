import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("Semaphore limits concurrency, FIFO; BoundedSemaphore refuses extra releases", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(sem, i):
        async with sem:
            print("start", i, sem.locked())
            await asyncio.sleep(1)
    async def main():
        sem = asyncio.Semaphore(2)
        await asyncio.gather(*(job(sem, i) for i in range(5)))
        b = asyncio.BoundedSemaphore(1)
        await b.acquire()
        b.release()
        try:
            b.release()
        except ValueError as e:
            print("ValueError", e)
    asyncio.run(main())
    `,
    async () => {
      const sem = new asyncio.Semaphore(2);
      const job = async (i: number) => {
        await using _ = await sem.hold();
        print("start", i, sem.locked());
        await asyncio.sleep(1);
      };
      await asyncio.gather(...[0, 1, 2, 3, 4].map((i) => () => job(i)));
      const b = new asyncio.BoundedSemaphore(1);
      await b.acquire();
      b.release();
      try {
        b.release();
      } catch (e) {
        if (e instanceof asyncio.ValueError) print("ValueError", e.message);
      }
    },
  );
});
