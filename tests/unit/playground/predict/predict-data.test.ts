import assert from "node:assert/strict";
import { test } from "node:test";
import { lastLineTime, predictLines } from "../../../../src/playground/predict/predict-data.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";

test("lines come from the transcript, and the time is the last stamped line's", () => {
  const lines = predictLines(
    parseTranscript(
      "[t=0.000 Task-2] Hello, Alice\n[t=1.500 Task-2] Goodbye, Alice\n[t=2.000] EXC ValueError: boom\n",
    ),
  );
  assert.deepEqual(lines, [
    { text: "Hello, Alice", t: 0 },
    { text: "Goodbye, Alice", t: 1.5 },
    { text: "ValueError: boom", t: 2 },
  ]);
  assert.equal(lastLineTime(lines), 2);
  assert.equal(lastLineTime([]), 0);
});
