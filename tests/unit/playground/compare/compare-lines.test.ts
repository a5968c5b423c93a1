import assert from "node:assert/strict";
import { test } from "node:test";
import { type ComparedRun, compareRuns } from "../../../../src/playground/compare/compare-lines.ts";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";

const run = (transcript: string, speed: ComparedRun["speed"] = "instant"): ComparedRun => {
  const lines = parseTranscript(transcript);
  return { lines, events: [] as TraceEvent[], speed, t: lines.at(-1)?.t ?? 0 };
};

const TWO = "[t=0.000 Task-2] Hello, Alice\n[t=1.000 Task-2] Goodbye, Alice\n";

test("two runs that printed the same lines compare the same, every line paired", () => {
  const c = compareRuns(run(TWO), run(TWO));
  assert.equal(c.differing, 0);
  assert.deepEqual(
    c.rows.map((r) => [r.typescript, r.python, r.same]),
    [
      ["+0.000s Task-2 Hello, Alice", "+0.000s Task-2 Hello, Alice", true],
      ["+1.000s Task-2 Goodbye, Alice", "+1.000s Task-2 Goodbye, Alice", true],
    ],
  );
});

test("a changed text, a changed time and a line printed by one side only each differ", () => {
  const python = run(
    "[t=0.000 Task-2] Hello, Bob\n[t=2.000 Task-2] Goodbye, Alice\n[t=2.000] extra\n",
  );
  const c = compareRuns(run(TWO), python);
  assert.deepEqual(
    c.rows.map((r) => r.same),
    [false, false, false],
  );
  assert.equal(c.differing, 3);
  assert.equal(c.rows[2]?.typescript, null);
  assert.equal(c.rows[2]?.python, "+2.000s loop extra");
});

test("on a real clock, stamps within the run's tolerance are the same; on the virtual one, exact", () => {
  const late = "[t=0.000 Task-2] Hello, Alice\n[t=1.020 Task-2] Goodbye, Alice\n";
  assert.equal(compareRuns(run(late, "1x"), run(TWO)).differing, 0);
  assert.equal(compareRuns(run(late), run(TWO)).differing, 1);
});
