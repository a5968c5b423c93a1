import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("Condition: notify one, notify all, waitFor a predicate", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def consumer(cond, items, i):
        async with cond:
            await cond.wait_for(lambda: items)
            print("consumer", i, items.pop(0))
    async def main():
        cond = asyncio.Condition()
        items = []
        ts = [asyncio.create_task(consumer(cond, items, i)) for i in range(3)]
        await asyncio.sleep(1)
        async with cond:
            items.append("a")
            cond.notify()
        await asyncio.sleep(1)
        async with cond:
            items.extend(["b", "c"])
            cond.notify_all()
        await asyncio.gather(*ts)
        try:
            cond.notify()
        except RuntimeError as e:
            print(e)
    asyncio.run(main())
    `,
    async () => {
      const cond = new asyncio.Condition();
      const items: string[] = [];
      const consumer = async (i: number) => {
        await using _ = await cond.hold();
        await cond.waitFor(() => items.length > 0);
        print("consumer", i, items.shift());
      };
      const ts = [0, 1, 2].map((i) => asyncio.createTask(() => consumer(i)));
      await asyncio.sleep(1);
      {
        await using _ = await cond.hold();
        items.push("a");
        cond.notify();
      }
      await asyncio.sleep(1);
      {
        await using _ = await cond.hold();
        items.push("b", "c");
        cond.notifyAll();
      }
      await asyncio.gather(...ts);
      try {
        cond.notify();
      } catch (e) {
        print((e as Error).message);
      }
    },
  );
});
