import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("Event: set wakes every waiter in a later iteration; wait on a set event does not block", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def waiter(ev, i):
        await ev.wait()
        print("woke", i)
    async def main():
        ev = asyncio.Event()
        ts = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
        await asyncio.sleep(1)
        ev.set()
        print("set", ev.is_set())
        await asyncio.gather(*ts)
        print(await ev.wait())
        ev.clear()
        t = asyncio.create_task(waiter(ev, 9))
        await asyncio.sleep(1)
        t.cancel()
        await asyncio.sleep(0)
        print(t.cancelled(), len(ev._waiters))
    asyncio.run(main())
    `,
    async () => {
      const ev = new asyncio.Event();
      const waiter = async (i: number) => {
        await ev.wait();
        print("woke", i);
      };
      const ts = [0, 1, 2].map((i) => asyncio.createTask(() => waiter(i)));
      await asyncio.sleep(1);
      ev.set();
      print("set", ev.isSet());
      await asyncio.gather(...ts);
      print(await ev.wait());
      ev.clear();
      const t2 = asyncio.createTask(() => waiter(9));
      await asyncio.sleep(1);
      t2.cancel();
      await asyncio.sleep(0);
      print(t2.cancelled(), ev._waiters.length);
    },
  );
});
