import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";

test("virtual clock jumps; advance adds like CPython's recorder (t += timeout)", () => {
  const c = new asyncio.VirtualClock();
  assert.equal(c.now(), 0);
  c.advance(0.1);
  c.advance(0.2);
  assert.equal(c.now(), 0.1 + 0.2);
  c.advance(-1);
  assert.equal(c.now(), 0.1 + 0.2);
  assert.equal(c.realMs(), 0);
});

test("scaled clock converts loop seconds to real ms; a run on it uses loop time in seconds", async () => {
  const c = new asyncio.ScaledClock(10);
  assert.equal(c.kind, "scaled");
  assert.equal(c.realMs(1), 100);
  assert.equal(new asyncio.RealClock().kind, "real");
  assert.throws(() => new asyncio.ScaledClock(0), RangeError);
  const r = await record(
    async () => {
      await asyncio.sleep(0.05);
      return asyncio.getRunningLoop().time();
    },
    { clock: () => new asyncio.ScaledClock(1000) },
  );
  assert.ok((r.result as number) >= 0.05);
});
