import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

const PY = `
import asyncio
async def ok(i, d):
    try:
        await asyncio.sleep(d)
        print("ok", i)
        return i
    except asyncio.CancelledError:
        print("cancelled", i)
        raise
async def bad(d):
    await asyncio.sleep(d)
    raise ValueError("boom")
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(ok(1, 1))
        b = tg.create_task(ok(2, 2))
    print("all done", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(3, 5))
            tg.create_task(bad(1))
            await asyncio.sleep(10)
            print("not reached")
    except* ValueError as eg:
        print("caught", repr(list(eg.exceptions)))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
asyncio.run(main())
`;

const ok = async (i: number, d: number) => {
  try {
    await asyncio.sleep(d);
    print("ok", i);
    return i;
  } catch (e) {
    print("cancelled", i);
    throw e;
  }
};
const bad = async (d: number) => {
  await asyncio.sleep(d);
  throw new asyncio.ValueError("boom");
};

test("TaskGroup.run: waits for all; a failure cancels body and siblings; ExceptionGroup", async (t) => {
  await sameAsPython(t, PY, async () => {
    const [a, b] = await asyncio.TaskGroup.run(async (tg) => [
      tg.createTask(() => ok(1, 1)),
      tg.createTask(() => ok(2, 2)),
    ]);
    print("all done", a.result(), b.result());
    try {
      await asyncio.TaskGroup.run(async (tg) => {
        tg.createTask(() => ok(3, 5));
        tg.createTask(() => bad(1));
        await asyncio.sleep(10);
        print("not reached");
      });
    } catch (e) {
      if (e instanceof asyncio.ExceptionGroup) print("caught", asyncio.pyRepr(e.exceptions));
    }
    await asyncio.TaskGroup.run(async (tg) => {
      tg.createTask(() => bad(1));
    });
  });
});

test("TaskGroup: the exact CPython message and nesting in the transcript", async () => {
  const r = await record(() =>
    asyncio.TaskGroup.run(async (tg) => {
      tg.createTask(() => bad(1));
      tg.createTask(() => bad(1));
    }),
  );
  assert.equal(
    r.transcript,
    "[t=1.000] EXC ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)\n[t=1.000] EXC   ValueError: boom\n[t=1.000] EXC   ValueError: boom\n",
  );
});
