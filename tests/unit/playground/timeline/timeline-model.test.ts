import assert from "node:assert/strict";
import { test } from "node:test";
import { binConcurrency, isBlockedOn } from "../../../../src/playground/timeline/concurrency.ts";
import {
  hostStallFloor,
  type Lane,
  TimelineModel,
} from "../../../../src/playground/timeline/timeline-model.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";
import {
  blockingRun,
  cancellationRun,
  gatherRun,
  type Run,
  renameAndCallbackRun,
  semaphoreRun,
  taskGroupFailureRun,
  waitFirstCompletedRun,
} from "./runs.ts";
import { ev } from "./trace-builders.ts";

function modelOf(run: Run): TimelineModel {
  const m = new TimelineModel();
  m.apply(run.events);
  m.finish(run.tEnd);
  return m;
}

function lane(m: TimelineModel, key: string): Lane {
  const l = m.lane(key);
  assert.ok(l, `no lane ${key}`);
  return l;
}

const spans = (xs: { start: number; end: number | null }[]) => xs.map((s) => [s.start, s.end]);
const waits = (l: Lane) => l.waits.map((w) => [w.start, w.end, w.on]);

test("gather: a lane per task in creation order, waits with what they waited on", async () => {
  const run = await gatherRun();
  const m = modelOf(run);
  assert.deepEqual(
    m.allLanes().map((l) => l.key),
    ["Task-1", "Task-2", "Task-3", "Task-4"],
  );
  assert.equal(m.loopLane, null, "no line printed outside a task, so no loop lane");
  assert.deepEqual(waits(lane(m, "Task-1")), [[0, 3, "gather"]]);
  assert.deepEqual(waits(lane(m, "Task-3")), [[0, 1, "sleep(1)"]]);
  assert.equal(lane(m, "Task-4").parent, 1);
  assert.deepEqual(lane(m, "Task-2").end, { kind: "done", t: 2, detail: "'A'" });
  // The 4th print of the run ("B end") sits on Task-3's lane at t=1.
  const p = m.print(3);
  assert.equal(p?.lane.key, "Task-3");
  assert.deepEqual(p?.mark, { t: 1, index: 3, text: "B end" });
  assert.equal(m.printCount, 7);
  // While the workers sleep, all four tasks wait; after each ends, one fewer.
  assert.equal(m.concurrency.at(0.5).waiting, 4);
  assert.equal(m.concurrency.at(1.5).waiting, 3);
  assert.equal(m.concurrency.at(2.5).waiting, 2);
  assert.deepEqual(m.concurrency.at(3), { ready: 0, running: 0, waiting: 0, blocked: 0 });
  assert.equal(m.rows.length, run.events.length);
  assert.equal(m.tEnd, 3);
});

test("wait(FIRST_COMPLETED): the slow task's wait ends when it is cancelled, not at 3 s", async () => {
  const m = modelOf(await waitFirstCompletedRun());
  const slow = lane(m, "Task-3");
  assert.equal(slow.label, "Task-3 slow");
  assert.deepEqual(spans(slow.waits), [[0, 1]]);
  assert.equal(slow.end?.kind, "cancelled");
  assert.equal(lane(m, "Task-2").end?.kind, "done");
  const mainWaits = waits(lane(m, "Task-1"));
  assert.deepEqual(mainWaits[0], [0, 1, "wait"]);
  assert.deepEqual(mainWaits.at(-1), [1, 1, "slow"]);
  assert.equal(m.tEnd, 1);
});

test("cancellation: the end carries the cancel message; the print before it stays", async () => {
  const m = modelOf(await cancellationRun());
  const t2 = lane(m, "Task-2");
  assert.deepEqual(t2.end, { kind: "cancelled", t: 1, detail: "stop" });
  assert.deepEqual(
    t2.prints.map((p) => p.text),
    ["sleeping", "cancelled, cleaning up"],
  );
  assert.deepEqual(spans(t2.waits), [[0, 1]]);
  const row = m.rows.find((r) => r.event === "cancelled");
  assert.deepEqual(row && [row.label, row.t, row.detail], ["Task-2", 1, "stop"]);
});

test("TaskGroup failure: failed child, cancelled sibling, failed parent, exception on the loop lane", async () => {
  const m = modelOf(await taskGroupFailureRun());
  assert.deepEqual(lane(m, "Task-2").end, { kind: "failed", t: 1, detail: "ValueError: boom" });
  assert.equal(lane(m, "Task-3").end?.kind, "cancelled");
  assert.deepEqual(spans(lane(m, "Task-3").waits), [[0, 1]]);
  assert.equal(lane(m, "Task-1").end?.kind, "failed");
  const loop = m.loopLane;
  assert.ok(loop, "the escaped exception needs the loop lane");
  assert.deepEqual(
    loop.errors.map((e) => [e.kind, e.text]),
    [
      [
        "exception",
        "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n  ValueError: boom",
      ],
    ],
  );
  assert.deepEqual(
    m.allLanes().map((l) => l.key),
    ["Task-1", "Task-2", "Task-3", "loop"],
  );
  assert.deepEqual(m.concurrency.current(), { ready: 0, running: 0, waiting: 0, blocked: 0 });
});

test("a blocking call: the step that took time is wide, and it shows as running", async () => {
  const m = modelOf(await blockingRun());
  const blocker = lane(m, "Task-3");
  assert.deepEqual(spans(blocker.steps), [[0, 0.5]]);
  // The ticker asked for 0.1 s and got 0.5 s, because the loop was blocked.
  assert.deepEqual(waits(lane(m, "Task-2")), [[0, 0.5, "sleep(0.1)"]]);
  assert.equal(m.concurrency.at(0.25).running, 1);
  assert.equal(
    m.concurrency.peak((c) => c.running),
    1,
  );
  // Other steps took no time.
  for (const s of lane(m, "Task-1").steps) assert.equal(s.end, s.start);
});

test("Semaphore(3) over 10 tasks: never more than 3 holders, the rest blocked", async () => {
  const m = modelOf(await semaphoreRun());
  assert.equal(isBlockedOn("Semaphore"), true);
  assert.equal(isBlockedOn("Event.wait"), true);
  assert.equal(isBlockedOn("sleep(1)"), false);
  assert.equal(isBlockedOn("Task-3"), false);
  // `waiting` counts the holders (asleep inside `await using _ = await sem.hold()`) plus main
  // (on gather); `peak` looks at every change, even several within one instant.
  assert.equal(
    m.concurrency.peak((c) => c.waiting - 1),
    3,
  );
  assert.equal(
    m.concurrency.peak((c) => c.blocked),
    7,
  );
  assert.equal(m.concurrency.maxAlive, 11);
  assert.equal(m.concurrency.at(0.5).waiting - 1, 3);
  assert.deepEqual(
    [0.5, 1.5, 2.5, 3.5].map((t) => m.concurrency.at(t).blocked),
    [7, 4, 1, 0],
  );
});

test("summary band: time-weighted counts per column", async () => {
  const m = modelOf(await semaphoreRun());
  const b = binConcurrency(m.concurrency, 0, 4, 4);
  assert.deepEqual([...b.blocked], [7, 4, 1, 0]);
  assert.deepEqual([...b.waiting], [4, 4, 4, 2]);
  assert.deepEqual([...b.running], [0, 0, 0, 0]);
  // A wait of 0.25 s seen through 2 columns of 0.5 s: half of the first column.
  const m2 = new TimelineModel();
  m2.apply([
    ev.created(0, 1, "Task-1", null),
    ev.started(0, 1),
    ev.suspended(0, 1, "sleep(0.25)"),
    ev.resumed(0.25, 1),
    ev.done(0.25, 1, "None"),
  ]);
  assert.deepEqual([...binConcurrency(m2.concurrency, 0, 1, 2).waiting], [0.5, 0]);
  // The blocking step is running for its whole column.
  const b3 = binConcurrency(modelOf(await blockingRun()).concurrency, 0, 0.5, 1);
  assert.equal(b3.running[0], 1);
});

test("renames relabel the lane; prints outside a task open the loop lane", async () => {
  const m = modelOf(await renameAndCallbackRun());
  assert.equal(lane(m, "Task-1").label, "Task-1 main");
  assert.equal(m.loopLane?.prints[0]?.text, "from a callback");
  assert.equal(m.loopLane?.prints[0]?.index, 0);
  assert.equal(m.print(1)?.lane.key, "Task-1");
  assert.deepEqual(
    m.allLanes().map((l) => l.key),
    ["Task-1", "loop"],
  );
});

test("a partial trace: events for a task never seen created still get a lane", () => {
  const m = new TimelineModel();
  m.apply([ev.resumed(2, 7), ev.print(2, 7, "late"), ev.done(3, 7, "1")]);
  const l = lane(m, "Task-7");
  assert.equal(l.created, null);
  assert.equal(l.start, 2);
  assert.deepEqual(spans(l.steps), [[2, 3]]);
});

test("applying a run in many small batches gives the same model as in one", async () => {
  const run = await semaphoreRun();
  const whole = modelOf(run);
  const parts = new TimelineModel();
  for (let i = 0; i < run.events.length; i += 3) parts.apply(run.events.slice(i, i + 3));
  parts.finish(run.tEnd);
  assert.deepEqual(
    parts.allLanes().map((l) => [l.key, spans(l.steps), waits(l), l.end]),
    whole.allLanes().map((l) => [l.key, spans(l.steps), waits(l), l.end]),
  );
  assert.deepEqual(parts.concurrency.t, whole.concurrency.t);
});

test("a transcript: lanes by task name in order of appearance, errors on the loop lane", () => {
  const m = new TimelineModel();
  m.applyTranscript(
    parseTranscript(
      "[t=0.000 Task-1] start\n[t=0.000 fetcher] go\n[t=1.000 Task-1] end\n[t=1.000] EXC ExceptionGroup: x (1 sub-exception)\n[t=1.000] EXC   ValueError: v\n",
    ),
  );
  assert.equal(m.source, "transcript");
  assert.deepEqual(
    m.allLanes().map((l) => [l.key, l.task, l.start, l.last]),
    [
      ["Task-1", 1, 0, 1],
      ["fetcher", null, 0, 0],
      ["loop", null, 1, 1],
    ],
  );
  assert.equal(m.printCount, 3);
  assert.equal(m.print(2)?.lane.key, "Task-1");
  assert.deepEqual(
    m.loopLane?.errors.map((e) => e.text),
    ["ExceptionGroup: x (1 sub-exception)", "  ValueError: v"],
  );
  assert.equal(m.tMax, 1);
});

test("on a real clock a step short enough to be the host's stall is drawn as an instant", () => {
  // At 10×, a 35 ms stall of the worker inside a step reads as 0.35 s of loop time.
  const events = [
    { type: "created", t: 0, task: 2, name: "Task-2", parent: null },
    { type: "started", t: 0, task: 2 },
    { type: "suspended", t: 0.35, task: 2, on: "sleep(1)" },
    { type: "resumed", t: 1.35, task: 2 },
    // A real blocking call: 1 s of loop time, 100 ms of wall time at 10×.
    { type: "suspended", t: 2.35, task: 2, on: "sleep(1)" },
    { type: "resumed", t: 3.35, task: 2 },
    { type: "done", t: 3.35, task: 2, result: "None" },
  ] as const;
  assert.equal(hostStallFloor(0), 0);
  assert.equal(hostStallFloor(10), 0.5);
  const at10x = new TimelineModel();
  at10x.minStep = hostStallFloor(10);
  at10x.apply(events);
  assert.deepEqual(spans(lane(at10x, "Task-2").steps), [
    [0, 0],
    [1.35, 2.35],
    [3.35, 3.35],
  ]);
  // On the virtual clock every width is the program's own.
  const virtual = new TimelineModel();
  virtual.apply(events);
  assert.deepEqual(spans(lane(virtual, "Task-2").steps)[0], [0, 0.35]);
});
