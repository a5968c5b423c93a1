import assert from "node:assert/strict";
import { test } from "node:test";
import {
  peakAlive,
  peakWaiting,
  taskFacts,
} from "../../../../src/playground/exercise/task-facts.ts";
import { ev } from "../timeline/trace-builders.ts";

test("a task's waits close when it resumes, suspends again or ends", () => {
  const [task] = taskFacts([
    ev.created(0, 2, "Task-2", 1),
    ev.suspended(0, 2, "sleep(1)"),
    ev.resumed(1, 2),
    ev.suspended(1, 2, "Lock"),
    ev.cancelled(1.5, 2, "stop"),
  ]);
  assert.deepEqual(task?.waits, [
    { on: "sleep(1)", start: 0, end: 1 },
    { on: "Lock", start: 1, end: 1.5 },
  ]);
  assert.equal(task?.outcome, "cancelled");
  assert.equal(task?.detail, "stop");
  assert.equal(task?.ended, 1.5);
});

test("at one loop time, a task that resumes before another suspends is not counted with it", () => {
  const events = [
    ev.suspended(0, 2, "sleep(1)"),
    ev.suspended(0, 3, "sleep(1)"),
    ev.resumed(1, 2),
    ev.suspended(1, 4, "sleep(1)"),
    ev.resumed(1, 3),
    ev.suspended(1, 2, "sleep(1)"),
  ];
  assert.deepEqual(peakWaiting(events, "sleep"), { max: 2, at: 0 });
});

test("waits that do not match are not counted, and a re-suspend on another thing leaves the count", () => {
  const events = [
    ev.suspended(0, 2, "sleep(1)"),
    ev.suspended(0, 3, "Lock"),
    ev.suspended(0, 2, "Queue.get"),
    ev.suspended(0, 4, "sleep(2)"),
  ];
  assert.deepEqual(peakWaiting(events, "sleep"), { max: 1, at: 0 });
  assert.deepEqual(
    peakWaiting(events, (on) => on !== "Lock"),
    { max: 2, at: 0 },
  );
});

test("peakAlive counts created-but-not-ended tasks, leaving out the main task by default", () => {
  const events = [
    ev.created(0, 1, "Task-1", null),
    ev.created(0, 2, "Task-2", 1),
    ev.created(0, 3, "Task-3", 1),
    ev.done(1, 2, "None"),
    ev.created(1, 4, "Task-4", 1),
    ev.created(1.5, 5, "Task-5", 1),
    ev.done(2, 1, "None"),
  ];
  assert.deepEqual(peakAlive(events), { max: 3, at: 1.5 });
  assert.deepEqual(
    peakAlive(events, () => true),
    { max: 4, at: 1.5 },
  );
});
