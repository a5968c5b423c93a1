import assert from "node:assert/strict";
import { test } from "node:test";
import type { RunOutcome } from "../../../../src/playground/example/run-listener.ts";
import { VerdictView } from "../../../../src/playground/example/verdict-view.ts";
import type { VersionJudge } from "../../../../src/playground/example/version-judge.ts";
import { versionJudge } from "../../../../src/playground/example/version-verdict.ts";
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
    language: "typescript",
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

/** The panel's switch, showing `version`, whose recording is `out` (PYTHON is 3.11's). */
const showing = (version: string, out: string) => () =>
  out === PYTHON
    ? null
    : Promise.resolve(versionJudge({ otherVersions: { [version]: out } }, () => version));
const PYTHON_313 = "[t=0.000 Task-1] start\n[t=1.000 Task-2] end\n";

async function verdictShowing(shown: () => Promise<VersionJudge> | null, o: RunOutcome) {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON, shown);
  view.finish(o);
  await new Promise((resolve) => setImmediate(resolve)); // the judge is loaded when asked
  return { text: el.textContent, kind: el.dataset.kind };
}

test("a version that printed what the runtime's version printed reads as before", async () => {
  assert.deepEqual(await verdictShowing(showing("3.13", PYTHON), outcome(run(0))), {
    text: "Same as Python ✓",
    kind: "same",
  });
});

test("a version that printed something else: compared with it, and the runtime's version named", async () => {
  // The run prints 3.11's transcript; the panel shows 3.13's, which differs at line 2.
  const v = await verdictShowing(showing("3.13", PYTHON_313), outcome(run(0)));
  assert.equal(v.kind, "differs");
  assert.equal(
    v.text,
    "Differs from Python 3.13 at line 2: Python 3.13 printed +1.000s Task-2 end; this run " +
      "printed +1.000s Task-1 end. The TypeScript runtime follows Python 3.11 here, not 3.13, " +
      "and this run printed what Python 3.11 printed.",
  );
  // A run that matches neither does not claim to follow 3.11.
  const neither = await verdictShowing(showing("3.13", PYTHON_313), outcome(run(0, "END")));
  assert.match(neither.text, /^Differs from Python 3\.13 at line 2:/);
  assert.match(neither.text, /follows Python 3\.11 here, not 3\.13\.$/);
});

test("a run that prints what the shown version printed is the same as it", async () => {
  const printed313: TraceEvent[] = [
    { type: "print", t: 0, task: 1, name: "Task-1", text: "start" },
    { type: "print", t: 1, task: 2, name: "Task-2", text: "end" },
  ];
  assert.deepEqual(await verdictShowing(showing("3.13", PYTHON_313), outcome(printed313)), {
    text: "Same as Python ✓",
    kind: "same",
  });
});

test("a verdict against another version that arrives after the next run began is dropped", async () => {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON, showing("3.13", PYTHON_313));
  view.finish(outcome(run(0)));
  view.reset();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(el.textContent, "");
});
