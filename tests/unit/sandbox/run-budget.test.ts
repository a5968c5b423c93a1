/** One budget over every channel: lines and characters from any kind of output, events, rate, broken messages. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TraceEvent } from "../../../src/runtime/asyncio/trace.ts";
import { BUDGET, RunBudget } from "../../../src/sandbox/run-budget.ts";

const line = (text: string): TraceEvent => ({ type: "print", t: 0, task: 1, name: "Task-1", text });

test("lines from prints, loop errors, exceptions and uncaught errors all count", () => {
  const b = new RunBudget();
  assert.equal(b.trace([line("a"), { type: "loop-error", t: 0, text: "boom" }]), null);
  assert.equal(b.trace([{ type: "exception", t: 0, lines: ["E: x", "  F: y"] }]), null);
  assert.equal(b.error({ type: "E", message: "m", position: null }), null);
  assert.equal(b.lines, 5);
});

test("past the line budget the run is stopped with the reader's words", () => {
  const b = new RunBudget();
  const batch = Array.from({ length: BUDGET.lines }, () => line("x"));
  assert.equal(b.trace(batch), null);
  const over = b.error({ type: "E", message: "m", position: null });
  assert.deepEqual(over, {
    status: "output-limit",
    detail: "stopped: the program printed more than 5,000 lines",
  });
});

test("characters cut away before sending still count", () => {
  const b = new RunBudget();
  const over = b.trace([line("x".repeat(10))], 50_000_000);
  assert.match(over?.detail ?? "", /more than 1,000,000 characters/);
});

test("timeline events are bounded even when nothing is printed", () => {
  const b = new RunBudget();
  const steps: TraceEvent[] = Array.from({ length: 2000 }, () => ({
    type: "resumed",
    t: 0,
    task: 1,
  }));
  let over = null;
  for (let i = 0; i * 2000 <= BUDGET.events && !over; i++) over = b.trace(steps);
  assert.equal(over?.status, "budget");
  assert.match(over?.detail ?? "", /more than 50,000 timeline events/);
});

test("messages per second: a burst is stopped, the same count spread over seconds is not", () => {
  const burst = new RunBudget();
  let over = null;
  for (let i = 0; i <= BUDGET.messagesPerSecond && !over; i++) over = burst.message(5000);
  assert.equal(over?.status, "budget");
  const spread = new RunBudget();
  for (let i = 0; i <= BUDGET.messagesPerSecond; i++)
    assert.equal(spread.message(i * (2000 / BUDGET.messagesPerSecond)), null);
});

test("a few broken messages are tolerated, a stream of them stops the run", () => {
  const b = new RunBudget();
  for (let i = 0; i < BUDGET.invalid; i++) assert.equal(b.refuse(), null);
  assert.equal(b.refuse()?.status, "refused");
});
