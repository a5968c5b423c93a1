/**
 * The pre-run timeline drawn from CPython's recorded task events (`python.trace`): a task that
 * never prints has its lane, and each line lands in its task's step. That the lanes are the
 * TypeScript twin's, in its order, for every example, is checked beside its transcript
 * (tests/unit/examples/parity.test.ts).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import {
  parseRecordedTrace,
  type RecordedTrace,
  recordedRun,
} from "../../../../src/playground/timeline/recorded-trace.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";
import { recordedLaneLabels } from "./lane-labels.ts";

const ROOT = resolve(import.meta.dirname, "../../../..");

/** Records `source` as record-python does: its transcript and its trace. */
function record(source: string): { out: string; trace: RecordedTrace } {
  const dir = mkdtempSync(join(tmpdir(), "recorded-trace-"));
  try {
    writeFileSync(join(dir, "main.py"), source);
    const tracePath = join(dir, "trace.json");
    const run = spawnSync(
      "python3",
      [join(ROOT, "scripts/python/record.py"), join(dir, "main.py")],
      {
        encoding: "utf8",
        env: { ...process.env, ASYNCIO_LIVE_TRACE: tracePath },
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const trace = parseRecordedTrace(readFileSync(tracePath, "utf8"));
    assert.ok(trace, "the trace parses");
    return { out: run.stdout, trace };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a task that never prints, created after the last one that printed, has its lane", () => {
  const { out, trace } = record(
    [
      "import asyncio",
      "",
      "async def main():",
      "    print('start')",
      "    loud = asyncio.create_task(asyncio.sleep(1))",
      "    quiet = asyncio.create_task(asyncio.sleep(2), name='quiet')",
      "    await asyncio.gather(loud, quiet)",
      "    print('end')",
      "",
      "asyncio.run(main())",
      "",
    ].join("\n"),
  );
  // The transcript alone names only Task-1: the two silent tasks are not in it.
  assert.doesNotMatch(out, /Task-2|quiet/);
  const shown = recordedLaneLabels(out, trace);
  assert.deepEqual(shown, ["Task-1", "Task-2", "Task-3 quiet"]);
  const run = recordedRun(trace, parseTranscript(out));
  const quiet = run.events.filter((e) => "task" in e && e.task === 3).map((e) => e.type);
  // CPython 3.11 numbers the named task, then renames it (as the runtime's trace says too).
  assert.deepEqual(quiet, ["created", "renamed", "started", "suspended", "resumed", "done"]);
  const wait = run.events.find((e) => e.type === "suspended" && e.task === 3);
  assert.equal(wait?.type === "suspended" && wait.on, "sleep(2)");
  // Every line of the transcript is placed once, in order.
  const prints = run.events.flatMap((e) => (e.type === "print" ? [e.text] : []));
  assert.deepEqual(prints, ["start", "end"]);
});

test("a line printed before a task's wait lands inside its step; an escaping error on the loop lane", () => {
  const { out, trace } = record(
    [
      "import asyncio",
      "",
      "async def boom():",
      "    await asyncio.sleep(0.5)",
      "    raise ValueError('no')",
      "",
      "async def main():",
      "    t = asyncio.create_task(boom())",
      "    print('waiting')",
      "    await t",
      "",
      "asyncio.run(main())",
      "",
    ].join("\n"),
  );
  const run = recordedRun(trace, parseTranscript(out));
  const kinds = run.events.map((e) => `${e.type}${"task" in e ? `:${e.task}` : ""}`);
  assert.deepEqual(kinds.slice(0, 5), [
    "created:1",
    "started:1",
    "created:2",
    "print:1",
    "suspended:1",
  ]);
  assert.ok(kinds.includes("failed:2") && kinds.includes("failed:1"));
  assert.equal(run.events.at(-1)?.type, "exception");
  assert.equal(run.tEnd, 0.5);
});
