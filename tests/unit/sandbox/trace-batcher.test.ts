import assert from "node:assert/strict";
import { test } from "node:test";
import type { TraceEvent } from "../../../src/runtime/asyncio/trace.ts";
import { TraceBatcher } from "../../../src/sandbox/trace-batcher.ts";

function setup() {
  let now = 1000;
  const timers: { at: number; fn: () => void }[] = [];
  const sent: { events: TraceEvent[]; dropped: number }[] = [];
  const batcher = new TraceBatcher(
    (events, dropped) => sent.push({ events, dropped }),
    (fn, ms) => timers.push({ at: now + ms, fn }),
    () => now,
  );
  /** Ends the current stretch of work: runs the timers due by `ms` from now. */
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { batcher, sent, advance, timers };
}

const ev = (i: number): TraceEvent => ({
  type: "print",
  t: 0,
  task: null,
  name: null,
  text: `${i}`,
});
const step = (task: number): TraceEvent => ({ type: "started", t: 0, task });

test("after a quiet spell a printed line goes at once, with the events before it", () => {
  const { batcher, sent } = setup();
  batcher.push(step(1));
  batcher.push(step(2));
  assert.equal(sent.length, 0);
  batcher.push(ev(0));
  // Out already, even if the program never yields again (`print("start"); while (true) {}`).
  assert.deepEqual(sent[0]?.events, [step(1), step(2), ev(0)]);
});

test("other events go in one message at the end of the stretch of work that made them", () => {
  const { batcher, sent, advance, timers } = setup();
  for (let i = 0; i < 5; i++) batcher.push(step(i));
  assert.equal(sent.length, 0, "not while the stretch goes on");
  assert.equal(timers[0]?.at, 1000, "a zero-delay timer after a quiet spell");
  advance(0);
  assert.deepEqual(
    sent.map((s) => s.events.length),
    [5],
  );
});

test("a busy program's batches go about once per frame", () => {
  const { batcher, sent, advance } = setup();
  batcher.push(ev(0));
  assert.equal(sent.length, 1);
  batcher.push(ev(1));
  batcher.push(step(1));
  advance(5);
  assert.equal(sent.length, 1, "held until a frame after the last batch");
  advance(11);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1]?.events, [ev(1), step(1)]);
});

test("a large batch goes at once, with the characters cut from it", () => {
  const { batcher, sent } = setup();
  batcher.push(ev(-1));
  for (let i = 0; i < 500; i++) batcher.push(ev(i), 2);
  assert.equal(sent.length, 2);
  assert.equal(sent[1]?.events.length, 500);
  assert.equal(sent[1]?.dropped, 1000);
});

test("flush sends what waits now, and nothing when nothing waits", () => {
  const { batcher, sent, advance } = setup();
  batcher.flush();
  assert.equal(sent.length, 0);
  batcher.push(step(0));
  batcher.flush();
  advance(100);
  assert.deepEqual(
    sent.map((s) => s.events.length),
    [1],
  );
});
