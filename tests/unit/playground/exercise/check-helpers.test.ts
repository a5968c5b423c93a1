import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  countPrinted,
  escapedException,
  findTask,
  finishTime,
  printedTexts,
  printTime,
  requireAtLeastWaiting,
  requireAtMostWaiting,
  requireFinished,
  requireFinishedAfter,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
  requirePrintedBy,
  requirePrintedCount,
  requirePrintedInOrder,
  requireTaskOutcome,
  taskOutcome,
} from "../../../../src/playground/exercise/check-helpers.ts";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import { ev } from "../timeline/trace-builders.ts";
import { runOf, runOnVirtualClock } from "./run-of.ts";

// hello-gather's shape: three tasks say hello, sleep 1, 2 and 0.5 s, say goodbye.
const gatherRun = runOf(
  [
    ev.created(0, 1, "Task-1", null),
    ev.started(0, 1),
    ev.created(0, 2, "Task-2", 1),
    ev.created(0, 3, "Task-3", 1),
    ev.created(0, 4, "Task-4", 1),
    ev.suspended(0, 1, "gather"),
    ev.started(0, 2),
    ev.print(0, 2, "Hello, Alice"),
    ev.suspended(0, 2, "sleep(1)"),
    ev.started(0, 3),
    ev.print(0, 3, "Hello, Bob"),
    ev.suspended(0, 3, "sleep(2)"),
    ev.started(0, 4),
    ev.print(0, 4, "Hello, Charlie"),
    ev.suspended(0, 4, "sleep(0.5)"),
    ev.resumed(0.5, 4),
    ev.print(0.5, 4, "Goodbye, Charlie"),
    ev.done(0.5, 4, "None"),
    ev.resumed(1, 2),
    ev.print(1, 2, "Goodbye, Alice"),
    ev.done(1, 2, "None"),
    ev.resumed(2, 3),
    ev.print(2, 3, "Goodbye, Bob"),
    ev.done(2, 3, "None"),
    ev.resumed(2, 1),
    ev.print(2, 1, "Total time: 2.000 seconds"),
    ev.done(2, 1, "None"),
  ],
  2,
);

describe("facts", () => {
  test("printed texts, counts and times", () => {
    assert.deepEqual(printedTexts(gatherRun).slice(0, 3), [
      "Hello, Alice",
      "Hello, Bob",
      "Hello, Charlie",
    ]);
    assert.equal(countPrinted(gatherRun, /^Goodbye/), 3);
    assert.equal(printTime(gatherRun, "Goodbye, Alice"), 1);
    assert.equal(printTime(gatherRun, "Goodbye, Dave"), null);
    assert.equal(finishTime(gatherRun), 2);
  });

  test("tasks are found by any name they had, with their outcome", () => {
    const run = runOf(
      [
        ev.created(0, 1, "Task-1", null),
        ev.created(0, 2, "Task-2", 1),
        ev.renamed(0, 2, "slow"),
        ev.cancelled(1, 2, "too slow"),
        ev.created(0, 3, "Task-3", 1),
        ev.failed(1, 3, "ValueError: bad"),
        ev.done(1, 1, "None"),
      ],
      1,
    );
    assert.equal(findTask(run, "slow")?.id, 2);
    assert.equal(findTask(run, "Task-2")?.name, "slow");
    assert.equal(taskOutcome(run, "slow"), "cancelled");
    assert.equal(taskOutcome(run, "Task-3"), "failed");
    assert.equal(taskOutcome(run, "Task-1"), "done");
    assert.equal(taskOutcome(run, "nobody"), "missing");
  });

  test("escapedException reads the first exception line", () => {
    assert.equal(escapedException(gatherRun), null);
    const run = runOf([ev.exception(1, ["ValueError: boom"])], 1, "failed");
    assert.equal(escapedException(run), "ValueError: boom");
  });
});

describe("requirements", () => {
  test("requireFinished explains each way a run can end badly", () => {
    assert.equal(requireFinished(gatherRun), null);
    const failed = runOf([ev.exception(1, ["ValueError: boom"])], 1, "failed");
    assert.deepEqual(requireFinished(failed), {
      pass: false,
      reason: "the program raised ValueError: boom",
    });
    assert.equal(requireFinished(runOf([], 1, "stopped"))?.pass, false);
    assert.match(requireFinished(runOf([], 1, "timeout"))?.reason ?? "", /too long/);
  });

  test("requireFinishedBy and requireFinishedAfter compare the end time", () => {
    assert.equal(requireFinishedBy(gatherRun, 2), null);
    assert.deepEqual(requireFinishedBy(gatherRun, 1.5), {
      pass: false,
      reason: "the run took 2 s; it should finish by 1.5 s",
    });
    assert.equal(requireFinishedAfter(gatherRun, 2), null);
    assert.equal(requireFinishedAfter(gatherRun, 2.5)?.pass, false);
  });

  test("a real clock gets the verdict's tolerance, the virtual clock none", () => {
    const late = { ...gatherRun, t: 1.03 };
    assert.equal(requireFinishedBy(late, 1)?.pass, false);
    assert.equal(requireFinishedBy({ ...late, speed: "1x" }, 1), null);
    assert.equal(requireFinishedBy({ ...gatherRun, t: 1.2, speed: "1x" }, 1)?.pass, false);
  });

  test("on a real clock, lateness the host caused (timers woken late) is forgiven too", () => {
    const stalled = runOf(
      [
        { type: "created", t: 0, task: 1, name: "Task-1", parent: null },
        { type: "started", t: 0, task: 1 },
        { type: "suspended", t: 0, task: 1, on: "sleep(1)" },
        { type: "resumed", t: 1.2, task: 1 },
        { type: "done", t: 1.2, task: 1, result: "None" },
      ],
      1.2,
    );
    assert.equal(requireFinishedBy({ ...stalled, speed: "1x" }, 1), null);
    assert.equal(requireFinishedBy({ ...stalled, speed: "1x" }, 0.5)?.pass, false);
    assert.equal(requireFinishedBy(stalled, 1)?.pass, false);
  });

  test("printed lines: count, presence, absence, deadline", () => {
    assert.equal(requirePrintedCount(gatherRun, 7), null);
    assert.deepEqual(requirePrintedCount(gatherRun, 2, /^Hello/), {
      pass: false,
      reason: "printed 3 lines matching /^Hello/, expected 2",
    });
    assert.equal(requirePrinted(gatherRun, ["Goodbye, Bob", /^Total/]), null);
    assert.equal(
      requirePrinted(gatherRun, ["Goodbye, Dave"])?.reason,
      "nothing printed “Goodbye, Dave”",
    );
    assert.equal(requireNotPrinted(gatherRun, /Dave/), null);
    assert.equal(requireNotPrinted(gatherRun, /Bob/)?.pass, false);
    assert.equal(requirePrintedBy(gatherRun, "Goodbye, Alice", 1), null);
    assert.equal(requirePrintedBy(gatherRun, "Goodbye, Bob", 1)?.pass, false);
  });

  test("requirePrintedInOrder allows lines between, and names the pair out of order", () => {
    assert.equal(
      requirePrintedInOrder(gatherRun, ["Hello, Alice", "Goodbye, Charlie", "Goodbye, Bob"]),
      null,
    );
    assert.deepEqual(requirePrintedInOrder(gatherRun, ["Goodbye, Alice", "Goodbye, Charlie"]), {
      pass: false,
      reason: "“Goodbye, Charlie” was printed before “Goodbye, Alice”; it should come after",
    });
    assert.equal(
      requirePrintedInOrder(gatherRun, ["Hello, Zed"])?.reason,
      "nothing printed “Hello, Zed”",
    );
  });

  test("waiting peaks count tasks suspended at once on a matching wait", () => {
    assert.equal(requireAtLeastWaiting(gatherRun, "sleep", 3), null);
    assert.equal(requireAtMostWaiting(gatherRun, "sleep", 3), null);
    assert.deepEqual(requireAtMostWaiting(gatherRun, "sleep", 2, "sleeping"), {
      pass: false,
      reason: "3 tasks were sleeping at once (at 0 s); at most 2 should be",
    });
    assert.equal(requireAtLeastWaiting(gatherRun, /^Lock/, 1)?.pass, false);
  });

  test("requireTaskOutcome says what happened and what should have", () => {
    const run = runOf([ev.created(0, 2, "slow", 1), ev.done(3, 2, "'page'")], 3);
    assert.equal(requireTaskOutcome(run, "slow", "done"), null);
    assert.deepEqual(requireTaskOutcome(run, "slow", "cancelled"), {
      pass: false,
      reason: "task slow finished normally; it should be cancelled",
    });
    assert.equal(
      requireTaskOutcome(run, "fast", "done")?.reason,
      "no task named “fast” was created",
    );
  });
});

describe("on a real run (virtual clock)", () => {
  test("a cancelled task, sleeps that overlap, and the end time", async () => {
    const run = await runOnVirtualClock(async () => {
      const slow = asyncio.createTask(() => asyncio.sleep(10), { name: "slow" });
      await asyncio.gather(
        () => asyncio.sleep(1),
        () => asyncio.sleep(1),
      );
      slow.cancel();
      await asyncio.sleep(0);
      asyncio.print("done");
    });
    assert.equal(requireFinished(run), null);
    assert.equal(requireTaskOutcome(run, "slow", "cancelled"), null);
    assert.equal(requireAtLeastWaiting(run, "sleep", 3), null);
    assert.equal(requireAtMostWaiting(run, "sleep", 3), null);
    assert.equal(requirePrintedBy(run, "done", 1), null);
    assert.equal(requireFinishedBy(run, 1), null);
  });
});
