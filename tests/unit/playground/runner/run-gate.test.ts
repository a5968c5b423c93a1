/**
 * The page's gate: only checked messages of the channel's current run reach the widget; a run
 * past its budget, or sending broken messages, is stopped with an `end` given in its place.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RunGate } from "../../../../src/playground/runner/run-gate.ts";
import { BUDGET } from "../../../../src/sandbox/run-budget.ts";

const print = (t: number, text = "x") => ({ type: "print", t, task: 1, name: "Task-1", text });
const events = (run: number, list: unknown[]) => ({
  channel: "ex#1",
  kind: "events",
  run,
  events: list,
});
const end = (run: number) => ({
  channel: "ex#1",
  kind: "end",
  run,
  status: "finished",
  t: 1,
  error: null,
  detail: "finished",
});

test("messages of the current run are delivered; an earlier run's are dropped", () => {
  const gate = new RunGate();
  const first = gate.begin("ex#1");
  const second = gate.begin("ex#1");
  assert.deepEqual(gate.accept(end(first), 0).deliver, []);
  assert.equal(gate.accept(events(second, [print(0)]), 0).deliver.length, 1);
  assert.equal(gate.accept(end(second), 0).deliver[0]?.kind, "end");
  assert.equal(gate.current("ex#1"), null);
  assert.deepEqual(gate.accept(events(second, [print(1)]), 0).deliver, []);
});

test("a NaN time is refused and never reaches the widget", () => {
  const gate = new RunGate();
  const run = gate.begin("ex#1");
  const got = gate.accept(events(run, [{ ...print(0), t: Number.NaN }]), 0);
  assert.deepEqual(got.deliver, []);
  assert.equal(gate.refused, 1);
});

test("a stream of broken messages stops the run with a clear end", () => {
  const gate = new RunGate();
  const run = gate.begin("ex#1");
  let last = gate.accept({ channel: "ex#1", kind: "end", run, status: "bogus" }, 0);
  for (let i = 0; i < BUDGET.invalid && last.stop === null; i++)
    last = gate.accept({ channel: "ex#1", kind: "end", run, status: "bogus" }, 0);
  assert.deepEqual(last.stop, { channel: "ex#1", run });
  const synthesized = last.deliver.at(-1);
  assert.equal(synthesized?.kind === "end" && synthesized.status, "refused");
});

test("past the line budget the gate ends the run itself, keeping what came before", () => {
  const gate = new RunGate();
  const run = gate.begin("ex#1");
  const batch = Array.from({ length: 2000 }, (_, i) => print(i / 1000));
  let result = gate.accept(events(run, batch), 0);
  let delivered = 0;
  for (let i = 0; result.stop === null; i++) {
    delivered += result.deliver.length;
    result = gate.accept(events(run, batch), i * 100);
  }
  const last = result.deliver.at(-1);
  assert.ok(last?.kind === "end");
  assert.equal(last.detail, "stopped: the program printed more than 5,000 lines");
  assert.equal(last.t, 1.999);
  assert.ok(delivered * 2000 <= BUDGET.lines);
  assert.deepEqual(gate.accept(events(run, batch), 1e6).deliver, []);
});

test("a long line is cut for display with its length said", () => {
  const gate = new RunGate();
  const run = gate.begin("ex#1");
  const [m] = gate.accept(events(run, [print(0, "z".repeat(4000))]), 0).deliver;
  assert.ok(m?.kind === "events" && m.events[0]?.type === "print");
  assert.match(m.events[0].text, /… \(4,000 characters in all\)$/);
});

test("a dead sandbox ends every current run once, and their late messages are dropped", () => {
  const gate = new RunGate();
  const a = gate.begin("ex#1");
  const b = gate.begin("ex#2");
  assert.equal(gate.running, true);
  const ends = gate.abandonAll("out-of-memory", "stopped: crashed");
  assert.deepEqual(
    ends.map((e) => [e.channel, e.kind, e.kind === "end" && e.run, e.kind === "end" && e.status]),
    [
      ["ex#1", "end", a, "out-of-memory"],
      ["ex#2", "end", b, "out-of-memory"],
    ],
  );
  assert.equal(gate.running, false);
  assert.deepEqual(gate.accept(events(a, [print(0)]), 0).deliver, []);
});

test("the frame's pong is delivered; a pong with a bad sequence number is refused", () => {
  const gate = new RunGate();
  assert.equal(gate.accept({ channel: "*", kind: "pong", seq: 3 }, 0).deliver.length, 1);
  assert.equal(gate.accept({ channel: "*", kind: "pong", seq: "3" }, 0).deliver.length, 0);
  assert.equal(gate.accept({ channel: "ex#1", kind: "pong", seq: 3 }, 0).deliver.length, 0);
});
