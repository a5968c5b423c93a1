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

test("what one stretch of work produces goes in one message at its end", () => {
  const { batcher, sent, advance, timers } = setup();
  for (let i = 0; i < 5; i++) batcher.push(ev(i));
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
  advance(0);
  batcher.push(ev(1));
  advance(5);
  assert.equal(sent.length, 1, "held until a frame after the last batch");
  advance(11);
  assert.equal(sent.length, 2);
});

test("a large batch goes at once, with the characters cut from it", () => {
  const { batcher, sent } = setup();
  for (let i = 0; i < 500; i++) batcher.push(ev(i), 2);
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.events.length, 500);
  assert.equal(sent[0]?.dropped, 1000);
});

test("flush sends what waits now, and nothing when nothing waits", () => {
  const { batcher, sent, advance } = setup();
  batcher.flush();
  assert.equal(sent.length, 0);
  batcher.push(ev(0));
  batcher.flush();
  advance(100);
  assert.deepEqual(
    sent.map((s) => s.events.length),
    [1],
  );
});
