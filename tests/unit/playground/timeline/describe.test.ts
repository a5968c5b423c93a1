import assert from "node:assert/strict";
import { test } from "node:test";
import { describeItem } from "../../../../src/playground/timeline/describe.ts";
import { TimelineModel } from "../../../../src/playground/timeline/timeline-model.ts";
import { blockingRun, cancellationRun } from "./runs.ts";

test("hover text says what a wait waited on, and for how long", async () => {
  const m = new TimelineModel();
  m.apply((await cancellationRun()).events);
  const lane = m.lane("Task-2")!;
  assert.equal(
    describeItem(lane, "wait:0"),
    "Task-2 waited on sleep(10) from 0.000 s, until 1.000 s (1.000 s)",
  );
  assert.equal(describeItem(lane, "end"), "Task-2 cancelled at 1.000 s: stop");
  assert.equal(describeItem(lane, "print:1"), "Task-2 printed at 1.000 s: cancelled, cleaning up");
  assert.equal(describeItem(lane, "created"), "Task-2 created at 0.000 s by Task-1");
  assert.equal(describeItem(lane, "wait:5"), null);
});

test("a step that took time says it held the loop", async () => {
  const m = new TimelineModel();
  m.apply((await blockingRun()).events);
  assert.match(describeItem(m.lane("Task-3")!, "step:0")!, /ran for 0\.500 s from 0\.000 s/);
  assert.equal(describeItem(m.lane("Task-1")!, "step:0"), "Task-1 ran a step at 0.000 s");
});
