import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("shield: the awaiter is cancelled, the shielded task finishes", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def save():
        await asyncio.sleep(2)
        print("saved")
        return "ok"
    async def caller(inner):
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            print("caller cancelled")
            raise
    async def main():
        inner = asyncio.create_task(save())
        c = asyncio.create_task(caller(inner))
        await asyncio.sleep(1)
        c.cancel()
        print(await inner, c.cancelled())
    asyncio.run(main())
    `,
    async () => {
      const inner = asyncio.createTask(async () => {
        await asyncio.sleep(2);
        print("saved");
        return "ok";
      });
      const c = asyncio.createTask(async () => {
        try {
          return await asyncio.shield(inner);
        } catch (e) {
          print("caller cancelled");
          throw e;
        }
      });
      await asyncio.sleep(1);
      c.cancel();
      print(await inner, c.cancelled());
    },
  );
});
