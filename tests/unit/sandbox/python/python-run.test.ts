/**
 * The Python side of Run Python, in node: the same Pyodide the page loads, restored from the
 * memory snapshot the build ships (`build-python-snapshot.ts`: started, the site's imports
 * done), the recorder's own modules and the driver (`live_run.py`) through `runPythonProgram`,
 * as the sandbox worker calls it. Each program must print its CPython 3.14 recording exactly (python-3.14.out where
 * 3.14 prints something else, else python.out), which the recorder made on this same Pyodide
 * (scripts/python/pyodide_backend.py) through the plain harness, not through `live_run.py`:
 * so the driver's tracing changes nothing printed. Every event must pass the protocol check
 * the frame applies, or the page would never see it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { loadPyodide } from "pyodide";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { transcript } from "../../../../src/runtime/asyncio/transcript.ts";
import { isTraceEvent } from "../../../../src/sandbox/protocol-check.ts";
import { makePythonSnapshot } from "../../../../src/sandbox/python/build-python-snapshot.ts";
import {
  installSources,
  type PyodideLike,
  runPythonProgram,
} from "../../../../src/sandbox/python/python-run.ts";
import { pythonSources } from "../../../../src/sandbox/python/python-sources.ts";
import { PYODIDE_OPTIONS } from "../../../../src/sandbox/python/python-start-options.ts";

const sources = pythonSources();
const snapshot = makePythonSnapshot();

/** A fresh interpreter as the page's worker makes one: restored from the build's snapshot. */
async function restored(): Promise<PyodideLike> {
  const pyodide = (await loadPyodide({
    ...PYODIDE_OPTIONS,
    env: { ...PYODIDE_OPTIONS.env },
    _loadSnapshot: await snapshot,
  })) as unknown as PyodideLike;
  installSources(pyodide, sources);
  return pyodide;
}

/** One interpreter per program: the recorder patches it for good, as a fresh process would. */
async function runInPyodide(source: string): Promise<{ events: TraceEvent[]; failed: unknown }> {
  const pyodide = await restored();
  const events: TraceEvent[] = [];
  const end = runPythonProgram(pyodide, source, (e) => events.push(e));
  return { events, failed: end.failed };
}

function recording314(id: string): string {
  const dir = `content/examples/${id}`;
  const own = `${dir}/python-3.14.out`;
  return readFileSync(existsSync(own) ? own : `${dir}/python.out`, "utf8");
}

// task-names prints differently on 3.14 (as on 3.13); err-task-exception reports a task freed mid-run;
// db-queries imports a stand-in (asyncpg); gw-taskgroup-fail ends in an ExceptionGroup.
for (const id of [
  "task-names",
  "err-task-exception",
  "db-queries",
  "gw-taskgroup-fail",
  "dbg-slow-callback",
]) {
  test(`${id}: Pyodide prints CPython 3.14's recording, in events the protocol accepts`, async () => {
    const { events } = await runInPyodide(readFileSync(`content/examples/${id}/main.py`, "utf8"));
    assert.equal(transcript(events), recording314(id));
    const refused = events.filter((e) => !isTraceEvent(e));
    assert.deepEqual(refused, []);
    // The timeline's events come too: every task is created, steps, and ends.
    const types = new Set(events.map((e) => e.type));
    if (id === "task-names") {
      // Since 3.13 a task named at creation has no Task-N number: the trace's id is negative.
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

test("the snapshot's interpreter has done every run's imports, and installed nothing", async () => {
  const pyodide = await restored();
  const state = String(
    pyodide.runPython(`
import sys, time
loaded = [m for m in ("_asyncio_live_recorder.harness", "multiprocessing.managers", "multiprocessing.pool") if m in sys.modules]
# The recorder's patches come with a run (clock.install), not with the snapshot.
" ".join(loaded) + f" time.monotonic from {time.monotonic.__module__}"
`),
  );
  assert.equal(
    state,
    "_asyncio_live_recorder.harness multiprocessing.managers multiprocessing.pool time.monotonic from time",
  );
});

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
