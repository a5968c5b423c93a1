/**
 * A wait's label shows the delay as Python's `repr` prints the value the program passed:
 * `sleep(0.2 * 3)` is `sleep(0.6000000000000001)` in CPython too (0.2 * 3 is not 0.6 in binary
 * floating point), so that is what the timeline must say; a delay the program wrote as 0.6
 * reads `sleep(0.6)`. Checked against the real interpreter, not against a hand-written list.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { TimelineModel } from "../../../../src/playground/timeline/timeline-model.ts";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import { traceOf } from "./runs.ts";

// Products and sums a program computes, and literals it writes; all non-integral, where JS
// and Python differ the most in how numbers print (integral ones print as ints here).
const DELAYS = [0.2 * 3, 0.6, 0.1 + 0.2, 0.3, 1 / 3, 1e-7, 0.25 * 0.5, 2.5, 123456.789];
const PY_EXPRS = [
  "0.2 * 3",
  "0.6",
  "0.1 + 0.2",
  "0.3",
  "1 / 3",
  "1e-7",
  "0.25 * 0.5",
  "2.5",
  "123456.789",
];

function pythonLabels(): string[] {
  const code = `for d in [${PY_EXPRS.join(", ")}]: print(f"sleep({d!r})")`;
  const py = spawnSync(process.env["PYTHON"] ?? "python3", ["-c", code], { encoding: "utf8" });
  assert.equal(py.status, 0, py.stderr);
  return py.stdout.trim().split("\n");
}

test("wait labels read as CPython's repr of the delay the program passed", async () => {
  const run = await traceOf(async () => {
    for (const d of DELAYS) await asyncio.sleep(d);
  });
  const m = new TimelineModel();
  m.apply(run.events);
  const labels = m.lane("Task-1")?.waits.map((w) => w.on);
  const expected = pythonLabels();
  assert.equal(expected[0], "sleep(0.6000000000000001)", "CPython's own repr of 0.2 * 3");
  assert.deepEqual(labels, expected);
});
