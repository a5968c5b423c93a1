/**
 * The Python side of Run Python, in node: the same Pyodide the page loads, the recorder's own
 * modules and the driver (`live_run.py`) through `runPythonProgram`, as the sandbox worker
 * calls it. Each program must print its CPython 3.13 recording exactly (python-3.13.out where
 * 3.13 prints something else, else python.out), and every event must pass the protocol check
 * the frame applies, or the page would never see it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { loadPyodide } from "pyodide";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { transcript } from "../../../../src/runtime/asyncio/transcript.ts";
import { isTraceEvent } from "../../../../src/sandbox/protocol-check.ts";
import {
  installSources,
  type PyodideLike,
  runPythonProgram,
} from "../../../../src/sandbox/python/python-run.ts";
import { pythonSources } from "../../../../src/sandbox/python/python-sources.ts";

const sources = pythonSources();

/** One interpreter per program: the recorder patches it for good, as a fresh process would. */
async function runInPyodide(source: string): Promise<{ events: TraceEvent[]; failed: unknown }> {
  const pyodide = (await loadPyodide({
    stdout: () => {},
    stderr: () => {},
    enableRunUntilComplete: false,
  })) as unknown as PyodideLike;
  installSources(pyodide, sources);
  const events: TraceEvent[] = [];
  const end = runPythonProgram(pyodide, source, (e) => events.push(e));
  return { events, failed: end.failed };
}

function recording313(id: string): string {
  const dir = `content/examples/${id}`;
  const own = `${dir}/python-3.13.out`;
  return readFileSync(existsSync(own) ? own : `${dir}/python.out`, "utf8");
}

// task-names prints differently on 3.13; err-task-exception reports a task freed mid-run;
// db-queries imports a stand-in (asyncpg); gw-taskgroup-fail ends in an ExceptionGroup.
for (const id of [
  "task-names",
  "err-task-exception",
  "db-queries",
  "gw-taskgroup-fail",
  "dbg-slow-callback",
]) {
  test(`${id}: Pyodide prints CPython 3.13's recording, in events the protocol accepts`, async () => {
    const { events } = await runInPyodide(readFileSync(`content/examples/${id}/main.py`, "utf8"));
    assert.equal(transcript(events), recording313(id));
    const refused = events.filter((e) => !isTraceEvent(e));
    assert.deepEqual(refused, []);
    // The timeline's events come too: every task is created, steps, and ends.
    const types = new Set(events.map((e) => e.type));
    if (id === "task-names") {
      // 3.13 gives a task named at creation no Task-N number: the trace's id is negative.
      const named = events.filter((e) => e.type === "created" && e.task < 0);
      assert.deepEqual(
        named.map((e) => (e.type === "created" ? e.name : "")),
        ["fetch-users", "fetch-orders"],
      );
    }
    for (const type of ["created", "started", "suspended", "resumed"])
      assert.ok(types.has(type as TraceEvent["type"]), type);
  });
}

test("the reader's code cannot import the JavaScript bridge or install packages", async () => {
  const { events, failed } = await runInPyodide(
    [
      "import importlib",
      "for name in ('js', 'pyodide_js', 'pyodide.http', 'pyodide.ffi'):",
      "    try:",
      "        importlib.import_module(name)",
      "        print(name, 'imported')",
      "    except ImportError as e:",
      "        print(e)",
      "from pyodide.http import pyfetch",
    ].join("\n"),
  );
  const printed = events.flatMap((e) => (e.type === "print" ? [e.text] : []));
  assert.deepEqual(printed, [
    "No module named 'js' (the page's JavaScript is not reachable from Python here)",
    "No module named 'pyodide_js' (the page's JavaScript is not reachable from Python here)",
    "No module named 'pyodide.http' (Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network)",
    "No module named 'pyodide.ffi' (Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network)",
  ]);
  assert.deepEqual(failed, [
    "ModuleNotFoundError",
    "No module named 'pyodide.http' (Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network)",
  ]);
});
