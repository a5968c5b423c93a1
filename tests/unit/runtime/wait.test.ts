import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("wait: FIRST_COMPLETED, FIRST_EXCEPTION, timeout leaves the pending running", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(d, fail=False):
        await asyncio.sleep(d)
        if fail:
            raise ValueError(str(d))
        return d
    async def main():
        ts = [asyncio.create_task(job(d)) for d in (3, 1, 2)]
        done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
        print(sorted(t.result() for t in done), len(pending))
        done, pending = await asyncio.wait(ts, timeout=0.5)
        print(len(done), len(pending))
        done, pending = await asyncio.wait(ts)
        print(sorted(t.result() for t in done), len(pending))
        fs = [asyncio.create_task(job(1, True)), asyncio.create_task(job(5))]
        done, pending = await asyncio.wait(fs, return_when=asyncio.FIRST_EXCEPTION)
        print(len(done), len(pending), repr(fs[0].exception()))
        try:
            await asyncio.wait([job(1)])
        except TypeError as e:
            print("TypeError", e)
    asyncio.run(main())
    `,
    async () => {
      const job = async (d: number, fail = false) => {
        await asyncio.sleep(d);
        if (fail) throw new asyncio.ValueError(String(d));
        return d;
      };
      const ts = [3, 1, 2].map((d) => asyncio.createTask(() => job(d)));
      let r = await asyncio.wait(ts, { returnWhen: asyncio.FIRST_COMPLETED });
      print([...r.done].map((x) => x.result()).sort(), r.pending.size);
      r = await asyncio.wait(ts, { timeout: 0.5 });
      print(r.done.size, r.pending.size);
      r = await asyncio.wait(ts);
      print([...r.done].map((x) => x.result()).sort(), r.pending.size);
      const fs = [asyncio.createTask(() => job(1, true)), asyncio.createTask(() => job(5))];
      const r2 = await asyncio.wait(fs, { returnWhen: asyncio.FIRST_EXCEPTION });
      print(r2.done.size, r2.pending.size, asyncio.pyRepr(fs[0]!.exception()));
      try {
        // biome-ignore lint/suspicious/noExplicitAny: the point is passing what the types forbid
        await asyncio.wait([(() => job(1)) as any]);
      } catch (e) {
        if (e instanceof TypeError) print("TypeError", e.message);
      }
    },
  );
});

test("asCompleted: results in completion order; tasks numbered in argument order; timeout", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(d):
        await asyncio.sleep(d)
        return d
    async def main():
        for f in asyncio.as_completed([asyncio.create_task(job(3)), asyncio.create_task(job(1)), asyncio.create_task(job(2))]):
            print(await f)
        try:
            for f in asyncio.as_completed([asyncio.create_task(job(1)), asyncio.create_task(job(9))], timeout=2):
                print(await f)
        except TimeoutError:
            print("timeout")
    asyncio.run(main())
    `,
    async () => {
      const job = async (d: number) => {
        await asyncio.sleep(d);
        return d;
      };
      for (const f of asyncio.asCompleted([3, 1, 2].map((d) => asyncio.createTask(() => job(d)))))
        print(await f);
      try {
        for (const f of asyncio.asCompleted(
          [1, 9].map((d) => asyncio.createTask(() => job(d))),
          { timeout: 2 },
        ))
          print(await f);
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("timeout");
      }
    },
  );
});

test("asCompleted works with for await and with functions", async () => {
  const r = await record(async () => {
    const out: number[] = [];
    for await (const v of asyncio.asCompleted([
      () => asyncio.sleep(2, 2),
      () => asyncio.sleep(1, 1),
    ]))
      out.push(v as number);
    print(out);
  });
  assert.equal(r.transcript, "[t=2.000 Task-1] [1, 2]\n");
});
