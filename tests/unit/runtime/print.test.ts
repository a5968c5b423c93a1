import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("print: sep/end like Python; a line is stamped when its first character is written", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        print("a", "b", sep="-", end="")
        await asyncio.sleep(1)
        print("!", end="\\n")
        print()
        print(True, None, [1, "x"], {"k": 2.5})
        asyncio.get_running_loop().call_soon(print, "in callback")
        await asyncio.sleep(0)
    asyncio.run(main())
    `,
    async () => {
      print("a", "b", { sep: "-", end: "" });
      await asyncio.sleep(1);
      print("!", { end: "\n" });
      print();
      print(true, null, [1, "x"], { k: 2.5 });
      asyncio.getRunningLoop().callSoon(print, "in callback");
      await asyncio.sleep(0);
    },
    `
    [t=0.000 Task-1] a-b!
    [t=1.000 Task-1] 
    [t=1.000 Task-1] True None [1, 'x'] {'k': 2.5}
    [t=1.000] in callback
    `,
  );
});

test("write: the same virtual-clock program gives byte-identical transcripts every run", async () => {
  const main = async () => {
    await asyncio.gather(
      ...[3, 1, 2].map((d) => async () => {
        asyncio.write(`w${d} `);
        await asyncio.sleep(d / 10);
        asyncio.write("done\n");
      }),
    );
  };
  const a = await record(main);
  const b = await record(main);
  assert.equal(a.transcript, b.transcript);
  assert.equal(a.transcript.split("\n").length, 4);
});
