/**
 * The pre-run timeline (CPython's transcript) lays its lanes out as the live run will, so
 * nothing jumps when the reader presses Run: Task-1 first, tasks by number, and a lane for a
 * task that printed nothing when a later task printed.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { TimelineModel } from "../../../../src/playground/timeline/timeline-model.ts";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";
import { gatherRun, type Run, traceOf } from "./runs.ts";

const { print } = asyncio;

function liveKeys(run: Run): string[] {
  const m = new TimelineModel();
  m.apply(run.events);
  m.finish(run.tEnd);
  return m.allLanes().map((l) => l.key);
}

function recordedKeys(run: Run): string[] {
  const m = new TimelineModel();
  m.applyTranscript(parseTranscript(asyncio.transcript(run.events)));
  return m.allLanes().map((l) => l.key);
}

test("main prints last, yet its lane is first before and after Run", async () => {
  const run = await gatherRun();
  // The transcript names Task-2 first: main (Task-1) prints only at the end.
  assert.match(asyncio.transcript(run.events), /^\[t=0\.000 Task-2\]/);
  assert.deepEqual(liveKeys(run), ["Task-1", "Task-2", "Task-3", "Task-4"]);
  assert.deepEqual(recordedKeys(run), liveKeys(run));
});

test("a task that prints nothing keeps its lane when a later task printed", async () => {
  const run = await traceOf(async () => {
    await asyncio.gather(
      async () => {
        await asyncio.sleep(1);
        print("two");
      },
      () => asyncio.sleep(2), // Task-3: silent
      async () => {
        await asyncio.sleep(0.5);
        print("four");
      },
    );
  });
  assert.deepEqual(recordedKeys(run), ["Task-1", "Task-2", "Task-3", "Task-4"]);
  assert.deepEqual(recordedKeys(run), liveKeys(run));
});

test("named tasks fill the numbers CPython gave them, in the order they first printed", () => {
  // CPython 3.11 spends a number on a named task too: `Task-4` printing means Task-2 and
  // Task-3 existed; the two named lanes are the best guess for them. Others go last.
  const m = new TimelineModel();
  m.applyTranscript(
    parseTranscript(
      "[t=0.000 beta] b\n[t=0.000 Task-4] c\n[t=0.100 alpha] a\n[t=0.100 gamma] g\n[t=1.000 Task-1] end\n[t=1.000] after\n",
    ),
  );
  assert.deepEqual(
    m.allLanes().map((l) => [l.key, l.index]),
    [
      ["Task-1", 0],
      ["beta", 1],
      ["alpha", 2],
      ["Task-4", 3],
      ["gamma", 4],
      ["loop", 5],
    ],
  );
  assert.equal(m.tFirst, 0);
});

test("the task-names example: recorded lanes in the live run's order", () => {
  // CPython's own transcript of content/examples/task-names (main, two named tasks, Task-4).
  const m = new TimelineModel();
  m.applyTranscript(
    parseTranscript(
      "[t=0.000 Task-1] main\n[t=0.000 fetch-users] u\n[t=0.000 fetch-orders] o\n[t=0.000 Task-4] x\n",
    ),
  );
  assert.deepEqual(
    m.allLanes().map((l) => l.key),
    ["Task-1", "fetch-users", "fetch-orders", "Task-4"],
  );
});
