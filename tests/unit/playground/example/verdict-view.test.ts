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

/** The example's recordings: 3.13's differs from python.out (PYTHON, 3.11's); 3.12's does not. */
const PYTHON_313 = "[t=0.000 Task-1] start\n[t=1.000 Task-2] end\n";
const judges = (version: string): Promise<VersionJudge> | null =>
  version === "3.13" || version === "3.14"
    ? Promise.resolve(versionJudge({ otherVersions: { [version]: PYTHON_313 } }, version))
    : null;

async function verdictAfter(o: RunOutcome) {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON, judges);
  view.finish(o);
  await new Promise((resolve) => setImmediate(resolve)); // the judge is loaded when asked
  return { text: el.textContent, kind: el.dataset.kind };
}

const printed313: TraceEvent[] = [
  { type: "print", t: 0, task: 1, name: "Task-1", text: "start" },
  { type: "print", t: 1, task: 2, name: "Task-2", text: "end" },
];

test("a run that followed a version that printed python.out is compared with python.out", async () => {
  assert.deepEqual(await verdictAfter(outcome(run(0), { python: "3.12" })), {
    text: "Same as Python ✓",
    kind: "same",
  });
  assert.match(
    (await verdictAfter(outcome(printed313, { python: "3.12" }))).text,
    /^Differs from Python at line 2:/,
  );
});

test("a run that followed a version with its own recording is compared with that recording", async () => {
  assert.deepEqual(await verdictAfter(outcome(printed313, { python: "3.13" })), {
    text: "Same as Python ✓",
    kind: "same",
  });
  const v = await verdictAfter(outcome(run(0), { python: "3.13" }));
  assert.equal(v.kind, "differs");
  assert.equal(
    v.text,
    "Differs from Python 3.13 at line 2: Python 3.13 printed +1.000s Task-2 end; this run " +
      "printed +1.000s Task-1 end.",
  );
});

test("a Python run (no version followed) is compared with python.out", async () => {
  assert.equal((await verdictAfter(outcome(run(0)))).text, "Same as Python ✓");
});

test("a run that differs on a version the runtime was not checked against says so", async () => {
  const v = await verdictAfter(outcome(run(0), { python: "3.14" }));
  assert.equal(v.kind, "differs");
  assert.match(
    v.text,
    /^Differs from Python 3\.14 at line 2: .*\. The TypeScript runtime follows the changes of Python 3\.13 and earlier; those of 3\.14 it may not follow yet\.$/,
  );
  const same = await verdictAfter(outcome(printed313, { python: "3.14" }));
  assert.equal(same.text, "Same as Python ✓");
});

test("a verdict against another version that arrives after the next run began is dropped", async () => {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON, judges);
  view.finish(outcome(run(0), { python: "3.13" }));
  view.reset();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(el.textContent, "");
});

test("a run of Python itself (no version followed) is compared with the version the panel shows, with no runtime note", async () => {
  const el = fakeElement();
  const view = new VerdictView(el as unknown as HTMLElement, PYTHON, judges, () => "3.14");
  view.finish(outcome(run(0)));
  await new Promise((resolve) => setImmediate(resolve));
  assert.match(
    el.textContent,
    /^Differs from Python 3\.14 at line 2: .*printed \+1\.000s Task-1 end\.$/,
  );
});
