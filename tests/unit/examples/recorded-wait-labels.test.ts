/**
 * What a task waits on, as the timeline labels it: CPython's recorded task events
 * (python.trace, `task_trace.py`) and the TypeScript runtime's trace for the same program say
 * the same thing, wait by wait, for the waits the recorder used to call "Future": on a
 * `shield`'s outer future, and on an executor job (`to_thread`, `run_in_executor`: "thread").
 *
 * The thread examples' twins (thr-to-thread, thr-pool) cannot serve: the page's clock cannot
 * see a Worker's time pass, so they wait `sleep(0.3)` for the thread's 0.3 s where CPython
 * waits on the job. A program of this file's, recorded here by the recorder itself, does.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import {
  parseRecordedTrace,
  recordedRun,
} from "../../../src/playground/timeline/recorded-trace.ts";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import type { TraceEvent } from "../../../src/runtime/asyncio/trace.ts";
import { parseTranscript } from "../../../src/runtime/asyncio/transcript.ts";
import { RUNTIME_PYTHON } from "../../../src/shared/python-versions.ts";
import { hasPython, record } from "../runtime/helpers.ts";

const ROOT = "content/examples";
const pool = new FreshWorkerPool();

/** Each task's waits, by the task's name, in order: `{ "Task-2": ["shield"], … }`. */
function waitsByTask(events: readonly TraceEvent[]): Record<string, string[]> {
  const names = new Map<number, string>();
  const waits: Record<string, string[]> = {};
  for (const e of events) {
    if (e.type === "created" || e.type === "renamed") names.set(e.task, e.name);
    if (e.type !== "suspended") continue;
    const name = names.get(e.task) ?? String(e.task);
    waits[name] = [...(waits[name] ?? []), e.on];
  }
  return waits;
}

for (const [id, label] of [
  ["task-shield", "shield"],
  ["shut-last-write", "shield"],
] as const) {
  test(`${id}: the recorded waits are the runtime's, "${label}" included`, async () => {
    const dir = `${ROOT}/${id}`;
    const trace = parseRecordedTrace(readFileSync(`${dir}/python.trace`, "utf8"));
    assert.ok(trace, `${id}/python.trace parses`);
    const recorded = recordedRun(trace, parseTranscript(readFileSync(`${dir}/python.out`, "utf8")));
    const code = await compileReader(readFileSync(`${dir}/main.ts`, "utf8"));
    const run = await pool.run(code, { python: RUNTIME_PYTHON });
    const expected = waitsByTask(run.events);
    assert.ok(Object.values(expected).flat().includes(label), `the runtime says ${label}`);
    assert.deepEqual(waitsByTask(recorded.events), expected);
  });
}

test("to_thread and run_in_executor: the recorder's waits are the runtime's (thread)", async (t) => {
  if (!hasPython()) {
    t.skip("python3 >= 3.11 not found");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "wait-labels-"));
  writeFileSync(
    join(dir, "main.py"),
    [
      "import asyncio",
      "def work(n):",
      "    return n * 2",
      "async def main():",
      "    print(await asyncio.to_thread(work, 21))",
      "    loop = asyncio.get_running_loop()",
      "    print(await loop.run_in_executor(None, work, 4))",
      "asyncio.run(main())",
      "",
    ].join("\n"),
  );
  const traced = join(dir, "python.trace");
  const py = spawnSync("python3", ["scripts/python/record.py", join(dir, "main.py")], {
    env: { ...process.env, ASYNCIO_LIVE_TRACE: traced },
    encoding: "utf8",
  });
  assert.equal(py.status, 0, py.stderr);
  assert.equal(py.stdout, "[t=0.000 Task-1] 42\n[t=0.000 Task-1] 8\n");
  const trace = parseRecordedTrace(readFileSync(traced, "utf8"));
  assert.ok(trace);
  const recorded = recordedRun(trace, parseTranscript(py.stdout)).events;

  const work = (n: number) => n * 2;
  const ts = await record(async () => {
    asyncio.print(await asyncio.toThread(work, 21));
    asyncio.print(await asyncio.getRunningLoop().runInExecutor(null, work, 4));
  });
  assert.deepEqual(waitsByTask(ts.events), { "Task-1": ["thread", "thread"] });
  assert.deepEqual(waitsByTask(recorded), waitsByTask(ts.events));
});
