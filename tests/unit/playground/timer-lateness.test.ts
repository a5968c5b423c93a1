import assert from "node:assert/strict";
import { test } from "node:test";
import { timerLateness } from "../../../src/playground/timer-lateness.ts";
import type { TraceEvent } from "../../../src/runtime/asyncio/trace.ts";

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

test("a sleep woken late counts its lateness from the moment it was due", () => {
  const late = timerLateness([
    { type: "suspended", t: 0, task: 2, on: "sleep(1)" },
    { type: "resumed", t: 1.04, task: 2 },
  ]);
  assert.ok(near(late.total, 0.04));
  assert.equal(late.at(1), 0);
  assert.ok(near(late.at(1.02), 0.02));
  assert.ok(near(late.at(5), 0.04));
});

test("many tasks woken late by the same stall count it once; stalls apart add up", () => {
  const events: TraceEvent[] = [];
  for (let task = 2; task < 102; task++) {
    events.push({ type: "suspended", t: 0, task, on: "sleep(1)" });
  }
  for (let task = 2; task < 102; task++) events.push({ type: "resumed", t: 1.03, task });
  events.push({ type: "suspended", t: 1.03, task: 2, on: "sleep(0.5)" });
  events.push({ type: "resumed", t: 1.55, task: 2 });
  const late = timerLateness(events);
  assert.ok(near(late.total, 0.05), `total ${late.total}`);
});

test("waits that are not timers, sleep(0), and timers that were on time measure nothing", () => {
  const late = timerLateness([
    { type: "suspended", t: 0, task: 2, on: "Lock" },
    { type: "resumed", t: 3, task: 2 },
    { type: "suspended", t: 3, task: 2, on: "sleep(0)" },
    { type: "resumed", t: 3.5, task: 2 },
    { type: "suspended", t: 3.5, task: 2, on: "sleep(0.5)" },
    { type: "resumed", t: 4, task: 2 },
    { type: "suspended", t: 4, task: 3, on: "sleep(1)" },
    { type: "cancelled", t: 4.2, task: 3, message: "" },
    { type: "resumed", t: 9, task: 3 },
  ]);
  assert.equal(late.total, 0);
});
