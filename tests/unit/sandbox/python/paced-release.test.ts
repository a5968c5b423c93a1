import assert from "node:assert/strict";
import { test } from "node:test";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { paceEvents } from "../../../../src/sandbox/python/paced-release.ts";

const line = (t: number, text: string): TraceEvent => ({
  type: "print",
  t,
  task: 1,
  name: "Task-1",
  text,
});
const events = [line(0, "a"), line(0, "b"), line(1, "c"), line(2.5, "d")];

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    clock: {
      now: () => now,
      later: (fn: () => void, ms: number) => void timers.push({ at: now + ms, fn }),
    },
    /** Runs the next timer, moving the clock to its time; false when none is left. */
    next(): boolean {
      timers.sort((x, y) => x.at - y.at);
      const timer = timers.shift();
      if (!timer) return false;
      now = Math.max(now, timer.at);
      timer.fn();
      return true;
    },
    get now() {
      return now;
    },
  };
}

test("at 1× each batch goes when the wall clock reaches its loop time, then done", () => {
  const fake = fakeClock();
  const sent: [number, string[]][] = [];
  let doneAt = -1;
  paceEvents(
    events,
    1,
    (b) => sent.push([fake.now, b.map((e) => (e.type === "print" ? e.text : ""))]),
    () => (doneAt = fake.now),
    fake.clock,
  );
  while (fake.next()) {}
  assert.deepEqual(sent, [
    [0, ["a", "b"]],
    [1000, ["c"]],
    [2500, ["d"]],
  ]);
  assert.equal(doneAt, 2500);
});

test("at 10× the same, ten times sooner", () => {
  const fake = fakeClock();
  const at: number[] = [];
  paceEvents(
    events,
    10,
    () => at.push(fake.now),
    () => {},
    fake.clock,
  );
  while (fake.next()) {}
  assert.deepEqual(at, [0, 100, 250]);
});

test("at Instant (rate 0) everything goes at once, and an empty run is done at once", () => {
  const fake = fakeClock();
  const sent: number[] = [];
  let done = 0;
  paceEvents(
    events,
    0,
    (b) => sent.push(b.length),
    () => done++,
    fake.clock,
  );
  paceEvents(
    [],
    1,
    (b) => sent.push(b.length),
    () => done++,
    fake.clock,
  );
  assert.deepEqual(sent, [4]);
  assert.equal(done, 2);
  assert.equal(fake.next(), false);
});
