/**
 * How many SVG elements a lane costs, drawn from a real run's trace (the runtime on its virtual
 * clock) through the timeline's model, in node: `document` is a stand-in that only counts the
 * elements `drawLane` makes (the drawing itself is checked in Chromium, timeline.spec.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { drawLane } from "../../../../src/playground/timeline/lane-draw.ts";
import { TimelineModel } from "../../../../src/playground/timeline/timeline-model.ts";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import { traceOf } from "./runs.ts";

function element(): unknown {
  return { setAttribute() {}, replaceChildren() {} };
}
(globalThis as { document?: unknown }).document = { createElementNS: element };

/** The loop lane of a run whose callbacks throw: `count` at each of `instants` (seconds apart). */
async function failingCallbacks(count: number, instants: number) {
  const run = await traceOf(async () => {
    const loop = asyncio.getRunningLoop();
    for (let k = 0; k < instants; k++) {
      for (let i = 0; i < count; i++)
        loop.callSoon(() => {
          throw new Error(`cb ${k}.${i}`);
        });
      await asyncio.sleep(1);
    }
  });
  const model = new TimelineModel();
  model.apply(run.events);
  model.finish(run.tEnd);
  const lane = model.loopLane;
  assert.ok(lane);
  return { lane, tEnd: run.tEnd };
}

const draw = (lane: Parameters<typeof drawLane>[1], tEnd: number, width = 380) =>
  drawLane(element() as SVGGElement, lane, (t) => (t / tEnd) * width, tEnd, null, false, width);

test("thousands of loop errors at one instant are one mark, not one each", async () => {
  const { lane, tEnd } = await failingCallbacks(3000, 1);
  assert.equal(lane.errors.length, 3000);
  // The lifeline and one error mark.
  assert.ok(draw(lane, tEnd) <= 3, `drew ${draw(lane, tEnd)} elements`);
});

test("loop errors at instants pixels apart each keep their mark", async () => {
  const { lane, tEnd } = await failingCallbacks(2, 4);
  assert.equal(lane.errors.length, 8);
  // Four instants 1 s apart over ~4 s across 380 px: four marks, plus the lifeline.
  assert.equal(draw(lane, tEnd), 1 + 4);
});
