import assert from "node:assert/strict";
import { test } from "node:test";
import { compareTranscripts, runTolerance, toleranceFor } from "../../../src/playground/verdict.ts";
import type { TraceEvent } from "../../../src/runtime/asyncio/trace.ts";
import { parseTranscript } from "../../../src/runtime/asyncio/transcript.ts";

const py = parseTranscript(
  "[t=0.000 Task-2] Hello, Alice\n[t=1.000 Task-2] Goodbye, Alice\n[t=1.000] EXC ValueError: boom\n",
);

test("identical transcripts are the same at every speed", () => {
  for (const speed of ["instant", "1x", "10x"] as const) {
    assert.deepEqual(compareTranscripts(py, py, toleranceFor(speed)), { same: true, drift: 0 });
  }
});

test("on the virtual clock a stamp off by a millisecond differs", () => {
  const run = parseTranscript(
    "[t=0.000 Task-2] Hello, Alice\n[t=1.001 Task-2] Goodbye, Alice\n[t=1.000] EXC ValueError: boom\n",
  );
  assert.deepEqual(compareTranscripts(py, run, 0), {
    same: false,
    line: 2,
    expected: "+1.000s Task-2 Goodbye, Alice",
    actual: "+1.001s Task-2 Goodbye, Alice",
  });
});

test("on the real clock stamps within 50 ms are the same, beyond are not", () => {
  const near = parseTranscript(
    "[t=0.004 Task-2] Hello, Alice\n[t=1.049 Task-2] Goodbye, Alice\n[t=1.030] EXC ValueError: boom\n",
  );
  const v1 = compareTranscripts(py, near, toleranceFor("1x"));
  assert.equal(v1.same, true);
  assert.ok(
    v1.same && Math.abs(v1.drift - 0.049) < 1e-9,
    "the drift is the largest stamp difference",
  );
  const far = parseTranscript("[t=0.000 Task-2] Hello, Alice\n[t=1.060 Task-2] Goodbye, Alice\n");
  const v = compareTranscripts(py, far, toleranceFor("1x"));
  assert.equal(v.same, false);
  assert.equal(!v.same && v.line, 2);
});

test("another task, another text, a missing or an extra line each differ where they happen", () => {
  const otherTask = parseTranscript("[t=0.000 Task-3] Hello, Alice\n");
  assert.equal(compareTranscripts(py, otherTask, 0).same, false);
  const missing = py.slice(0, 2);
  assert.deepEqual(compareTranscripts(py, missing, 0), {
    same: false,
    line: 3,
    expected: "+1.000s ValueError: boom",
    actual: null,
  });
  const extra = [...py, ...parseTranscript("[t=2.000 Task-1] more\n")];
  assert.deepEqual(compareTranscripts(py, extra, 0), {
    same: false,
    line: 4,
    expected: null,
    actual: "+2.000s Task-1 more",
  });
});

test("on a real clock, times printed in the text may differ by the tolerance too", () => {
  const exact = parseTranscript("[t=2.000 Task-1] Total time: 2.000 seconds\n");
  const real = parseTranscript("[t=2.002 Task-1] Total time: 2.001 seconds\n");
  assert.equal(compareTranscripts(exact, real, toleranceFor("1x")).same, true);
  assert.equal(compareTranscripts(exact, real, toleranceFor("instant")).same, false);
  const slow = parseTranscript("[t=2.002 Task-1] Total time: 2.300 seconds\n");
  assert.equal(compareTranscripts(exact, slow, toleranceFor("1x")).same, false);
  const words = parseTranscript("[t=2.000 Task-1] Total span: 2.000 seconds\n");
  assert.equal(compareTranscripts(exact, words, toleranceFor("1x")).same, false);
});

/** A task that prints, sleeps `d` and prints again, woken `late` seconds after it was due. */
function sleepyRun(d: number, late: number): TraceEvent[] {
  return [
    { type: "created", t: 0, task: 1, name: "Task-1", parent: null },
    { type: "started", t: 0, task: 1 },
    { type: "print", t: 0, task: 1, name: "Task-1", text: "start" },
    { type: "suspended", t: 0, task: 1, on: `sleep(${d})` },
    { type: "resumed", t: d + late, task: 1 },
    { type: "print", t: d + late, task: 1, name: "Task-1", text: "end" },
    { type: "done", t: d + late, task: 1, result: "None" },
  ];
}

const sleepy = parseTranscript("[t=0.000 Task-1] start\n[t=2.000 Task-1] end\n");

test("at 1x a stamp late by the host's measured stall is the same as Python, with its drift", () => {
  // +2.086 s against +2.000 s: beyond the 50 ms base, but the timer itself fired 86 ms late.
  const events = sleepyRun(2, 0.086);
  const lines = parseTranscript("[t=0.000 Task-1] start\n[t=2.086 Task-1] end\n");
  assert.equal(compareTranscripts(sleepy, lines, toleranceFor("1x")).same, false);
  const v = compareTranscripts(sleepy, lines, runTolerance("1x", events));
  assert.equal(v.same, true);
  assert.ok(v.same && Math.round(v.drift * 1000) === 86);
});

test("a late stamp the run's timers do not explain still differs (a real timing difference)", () => {
  // The timer fired on time at +1.000 s, yet the line came at +2.000 s: the program waited twice.
  const events = sleepyRun(1, 0);
  const py = parseTranscript("[t=0.000 Task-1] start\n[t=1.000 Task-1] end\n");
  const lines = parseTranscript("[t=0.000 Task-1] start\n[t=2.000 Task-1] end\n");
  const v = compareTranscripts(py, lines, runTolerance("1x", events));
  assert.equal(v.same, false);
  assert.equal(!v.same && v.line, 2);
});

test("at 10x the tolerance is 50 ms of wall time, 0.5 s of program time, plus the stalls", () => {
  const lines = parseTranscript("[t=0.000 Task-1] start\n[t=2.450 Task-1] end\n");
  assert.equal(compareTranscripts(sleepy, lines, runTolerance("10x", sleepyRun(2, 0))).same, true);
  const later = parseTranscript("[t=0.000 Task-1] start\n[t=2.917 Task-1] end\n");
  assert.equal(compareTranscripts(sleepy, later, runTolerance("10x", sleepyRun(2, 0))).same, false);
  assert.equal(
    compareTranscripts(sleepy, later, runTolerance("10x", sleepyRun(2, 0.917))).same,
    true,
  );
});

test("at Instant the measured stalls change nothing: stamps must be exact", () => {
  const lines = parseTranscript("[t=0.000 Task-1] start\n[t=2.001 Task-1] end\n");
  assert.equal(
    compareTranscripts(sleepy, lines, runTolerance("instant", sleepyRun(2, 0.5))).same,
    false,
  );
});
