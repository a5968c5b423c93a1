import assert from "node:assert/strict";
import { test } from "node:test";
import { compareTranscripts, toleranceFor } from "../../../src/playground/verdict.ts";
import { parseTranscript } from "../../../src/runtime/asyncio/transcript.ts";

const py = parseTranscript(
  "[t=0.000 Task-2] Hello, Alice\n[t=1.000 Task-2] Goodbye, Alice\n[t=1.000] EXC ValueError: boom\n",
);

test("identical transcripts are the same at every speed", () => {
  for (const speed of ["instant", "1x", "10x"] as const) {
    assert.deepEqual(compareTranscripts(py, py, toleranceFor(speed)), { same: true });
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
  assert.deepEqual(compareTranscripts(py, near, toleranceFor("1x")), { same: true });
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
  assert.deepEqual(compareTranscripts(exact, real, toleranceFor("1x")), { same: true });
  assert.equal(compareTranscripts(exact, real, toleranceFor("instant")).same, false);
  const slow = parseTranscript("[t=2.002 Task-1] Total time: 2.300 seconds\n");
  assert.equal(compareTranscripts(exact, slow, toleranceFor("1x")).same, false);
  const words = parseTranscript("[t=2.000 Task-1] Total span: 2.000 seconds\n");
  assert.equal(compareTranscripts(exact, words, toleranceFor("1x")).same, false);
});
