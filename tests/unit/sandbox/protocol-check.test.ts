/** The protocol check refuses what could hang or flood the page: non-finite times, long strings, unknown kinds. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROTOCOL_BOUNDS } from "../../../src/sandbox/protocol-bounds.ts";
import { checkRunnerMessage, isTraceEvent } from "../../../src/sandbox/protocol-check.ts";

const print = (over: Record<string, unknown> = {}) => ({
  type: "print",
  t: 1,
  task: 2,
  name: "Task-2",
  text: "hello",
  ...over,
});
const events = (list: unknown[]) => ({ channel: "ex#1", kind: "events", run: 1, events: list });

test("a well-formed event batch passes", () => {
  assert.equal(checkRunnerMessage(events([print(), { type: "started", t: 0, task: 1 }])), true);
});

test("times must be finite, not negative and in range", () => {
  for (const t of [Number.NaN, Number.POSITIVE_INFINITY, -1, PROTOCOL_BOUNDS.maxT * 2, "1"])
    assert.equal(isTraceEvent(print({ t })), false, `t=${String(t)}`);
});

test("unknown kinds, event types and statuses are refused", () => {
  assert.equal(checkRunnerMessage({ channel: "ex#1", kind: "beat", run: 1 }), false);
  assert.equal(isTraceEvent({ type: "html", t: 0, text: "<b>" }), false);
  const end = { channel: "ex#1", kind: "end", run: 1, t: 1, error: null, detail: "" };
  assert.equal(checkRunnerMessage({ ...end, status: "finished" }), true);
  assert.equal(checkRunnerMessage({ ...end, status: "victory" }), false);
  assert.equal(checkRunnerMessage({ ...end, status: "finished", t: "1.5" }), false);
});

test("strings past the cap, oversized batches and missing run ids are refused", () => {
  const long = "x".repeat(PROTOCOL_BOUNDS.maxString + 1);
  assert.equal(checkRunnerMessage(events([print({ text: long })])), false);
  assert.equal(checkRunnerMessage(events([print({ name: long })])), false);
  const many = Array.from({ length: PROTOCOL_BOUNDS.batch + 1 }, () => print());
  assert.equal(checkRunnerMessage(events(many)), false);
  assert.equal(checkRunnerMessage(events([])), false);
  const { run: _, ...noRun } = events([print()]);
  assert.equal(checkRunnerMessage(noRun), false);
});

test("errors need a type, a message and a sane position", () => {
  const error = (e: unknown) => ({
    channel: "ex#1",
    kind: "error",
    run: 1,
    t: 0,
    origin: "uncaught",
    error: e,
  });
  assert.equal(checkRunnerMessage(error({ type: "E", message: "m", position: null })), true);
  assert.equal(
    checkRunnerMessage(error({ type: "E", message: "m", position: { line: 1.5, column: 0 } })),
    false,
  );
  assert.equal(checkRunnerMessage(error({ type: "E", message: 7, position: null })), false);
});

test("a task named at creation has a negative id (trace.ts), but an id is always an integer", () => {
  const created = { type: "created", t: 0, task: -1, name: "fetch-users", parent: 1 };
  assert.equal(isTraceEvent(created), true);
  assert.equal(isTraceEvent({ type: "started", t: 0, task: -1 }), true);
  assert.equal(isTraceEvent(print({ task: -2, name: "fetch-orders" })), true);
  for (const task of [-1.5, Number.NaN, "-1", Number.MIN_SAFE_INTEGER - 2])
    assert.equal(isTraceEvent({ type: "started", t: 0, task }), false, String(task));
});

test("a Python run's version is three small numbers, nothing else, with its run id", () => {
  const version = (v: unknown, run: unknown = 1) => ({
    channel: "ex#1",
    kind: "python-version",
    run,
    version: v,
  });
  assert.equal(checkRunnerMessage(version("3.13.2")), true);
  assert.equal(checkRunnerMessage(version("3.14.0")), true);
  for (const bad of ["3.13", "<b>3.13.2</b>", "3.13.2rc1", `3.13.${"9".repeat(99)}`, 3.13, null])
    assert.equal(checkRunnerMessage(version(bad)), false, String(bad));
  assert.equal(checkRunnerMessage(version("3.13.2", "1")), false);
});
