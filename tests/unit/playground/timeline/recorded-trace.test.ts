/**
 * The pre-run timeline drawn from CPython's recorded task events (`python.trace`): a task that
 * never prints has its lane, and the lanes come in the order the TypeScript twin's live run
 * gives them, so nothing moves when the reader presses Run.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { compileReader } from "../../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../../scripts/lib/fresh-worker-pool.ts";
import {
  parseRecordedTrace,
  type RecordedTrace,
  recordedRun,
} from "../../../../src/playground/timeline/recorded-trace.ts";
import { TimelineModel } from "../../../../src/playground/timeline/timeline-model.ts";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";

const ROOT = resolve(import.meta.dirname, "../../../..");

function labels(events: readonly TraceEvent[], tEnd: number): string[] {
  const m = new TimelineModel();
  m.apply(events);
  m.finish(tEnd);
  return m.allLanes().map((l) => l.label);
}

function recordedLabels(out: string, trace: RecordedTrace): string[] {
  const run = recordedRun(trace, parseTranscript(out));
  return labels(run.events, run.tEnd);
}

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
  const shown = recordedLabels(out, trace);
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

const pool = new FreshWorkerPool(2);

// main prints last; a named task; gather with a silent task; wait(FIRST_COMPLETED) with named
// tasks printing out of creation order; the polite crawler (named tasks, a silent one).
const EXAMPLES = ["hello-gather", "task-names", "gw-wait-first", "crawl-polite", "gw-gather-order"];

for (const id of EXAMPLES) {
  test(`${id}: the recorded lanes are the TypeScript run's, in its order`, async () => {
    const folder = join(ROOT, "content/examples", id);
    const trace = parseRecordedTrace(readFileSync(join(folder, "python.trace"), "utf8"));
    assert.ok(trace, `${id}/python.trace parses`);
    const out = readFileSync(join(folder, "python.out"), "utf8");
    const live = await pool.run(await compileReader(readFileSync(join(folder, "main.ts"), "utf8")));
    const tEnd = live.events.reduce((t, e) => Math.max(t, e.t), 0);
    assert.deepEqual(recordedLabels(out, trace), labels(live.events, tEnd));
  });
}
