import assert from "node:assert/strict";
import { test } from "node:test";
import type { RunOutcome } from "../../../../src/playground/example/run-listener.ts";
import { VerdictView } from "../../../../src/playground/example/verdict-view.ts";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { parsedLinesOf } from "../../../../src/runtime/asyncio/transcript.ts";

/** The two things the view writes: its text and its kind. */
function fakeElement() {
  return { textContent: "", dataset: {} as Record<string, string> };
}

const PYTHON = "[t=0.000 Task-1] start\n[t=1.000 Task-1] end\n";

function outcome(events: TraceEvent[], over: Partial<RunOutcome> = {}): RunOutcome {
  return {
    status: "finished",
    t: events.at(-1)?.t ?? 0,
    lines: events.flatMap(parsedLinesOf),
    events,
    speed: "1x",
    compiled: true,
    error: null,
    detail: "",
    compileErrors: [],
    typeErrors: [],
    ...over,
  };
}

/** One task: prints, sleeps 1 s, woken `late` seconds late, prints again. */
function run(late: number, text = "end"): TraceEvent[] {
  return [
    { type: "print", t: 0, task: 1, name: "Task-1", text: "start" },
    { type: "suspended", t: 0, task: 1, on: "sleep(1)" },
    { type: "resumed", t: 1 + late, task: 1 },
    { type: "print", t: 1 + late, task: 1, name: "Task-1", text },
  ];
}

function verdictOf(o: RunOutcome) {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON);
  view.reset();
  view.finish(o);
  return { text: el.textContent, kind: el.dataset.kind };
}

test("a 1× run late only by its host's stall reads as the same, with the drift", () => {
  assert.deepEqual(verdictOf(outcome(run(0.086))), {
    text: "Same as Python ✓, timing drift ±86 ms",
    kind: "same",
  });
  assert.deepEqual(verdictOf(outcome(run(0))), { text: "Same as Python ✓", kind: "same" });
});

test("another text differs; a stopped run is not compared; a run that never ran says nothing", () => {
  assert.equal(verdictOf(outcome(run(0, "END"))).kind, "differs");
  assert.match(verdictOf(outcome(run(0, "END"))).text, /^Differs from Python at line 2:/);
  assert.deepEqual(verdictOf(outcome(run(0), { status: "stopped" })), {
    text: "Not compared with Python: the run did not finish",
    kind: "none",
  });
  assert.deepEqual(verdictOf(outcome([], { compiled: false, status: "failed" })), {
    text: "",
    kind: "",
  });
});

test("a new run clears the previous verdict at once", () => {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON);
  view.finish(outcome(run(0)));
  assert.equal(el.textContent, "Same as Python ✓");
  view.reset();
  assert.equal(el.textContent, "");
});
