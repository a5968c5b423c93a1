import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";

const { print } = asyncio;

test("toThread runs in a worker thread; the loop keeps going; virtual time does not jump", async () => {
  const r = await record(async () => {
    const ticker = asyncio.createTask(async () => {
      for (let i = 0; i < 3; i++) {
        print("tick", i);
        await asyncio.sleep(0);
      }
    });
    const sum = await asyncio.toThread((n: number) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += i;
      return s;
    }, 1000);
    await ticker;
    print("sum", sum, asyncio.getRunningLoop().time());
  });
  assert.equal(r.error, undefined);
  assert.match(r.transcript, /\[t=0\.000 Task-1\] sum 499500 0\n$/);
  assert.match(r.transcript, /tick 2/);
});

test("toThread: an error in the thread is raised with its type name; runInExecutor gives a Future", async () => {
  const r = await record(async () => {
    try {
      await asyncio.toThread(() => {
        throw new RangeError("too big");
      });
    } catch (e) {
      print(asyncio.pyRepr(e));
    }
    const f = asyncio.getRunningLoop().runInExecutor(null, (a: number, b: number) => a * b, 6, 7);
    print(f instanceof asyncio.Future, await f);
  });
  assert.equal(r.transcript, "[t=0.000 Task-1] RangeError('too big')\n[t=0.000 Task-1] True 42\n");
});
