import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("Barrier: parties wait for each other; abort breaks it", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def runner(b, i):
        await asyncio.sleep(i)
        pos = await b.wait()
        print("go", i, pos)
    async def late(b):
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print("broken", e)
    async def main():
        b = asyncio.Barrier(3)
        await asyncio.gather(*(runner(b, i) for i in range(3)))
        print(b.n_waiting, b.broken)
        t = asyncio.create_task(late(b))
        await asyncio.sleep(1)
        print(b.n_waiting)
        await b.abort()
        await t
        print(b.broken)
    asyncio.run(main())
    `,
    async () => {
      const b = new asyncio.Barrier(3);
      const runner = async (i: number) => {
        await asyncio.sleep(i);
        const pos = await b.wait();
        print("go", i, pos);
      };
      await asyncio.gather(...[0, 1, 2].map((i) => () => runner(i)));
      print(b.nWaiting, b.broken);
      const t2 = asyncio.createTask(async () => {
        try {
          await b.wait();
        } catch (e) {
          if (e instanceof asyncio.BrokenBarrierError) print("broken", e.message);
        }
      });
      await asyncio.sleep(1);
      print(b.nWaiting);
      await b.abort();
      await t2;
      print(b.broken);
    },
  );
});
