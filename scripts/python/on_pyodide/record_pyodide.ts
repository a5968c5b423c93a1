/**
 * The recorder's back end for the versions recorded on Pyodide (3.14, `python_versions.py`):
 * a node process that boots Pyodide once, then records each program it is asked for in a
 * fresh interpreter restored from a snapshot of that boot, as `record_server.py` does with a
 * fork for CPython. Each program runs the recorder's own harness (`pyodide_record.py`), the
 * same code the page's Run Python runs, from the same place (`/home/pyodide/example/main.py`).
 *
 *   node scripts/python/on_pyodide/record_pyodide.ts   # JSON lines in and out (pyodide_backend.py)
 *
 * Protocol (record_server.py's, plus the trace): one `{"path": "/abs/main.py"}` per line on
 * stdin; for each, one `{"status", "stdout", "trace", "stderr"}` line on stdout (the trace is
 * the task events the harness writes for record_all.py, task_trace.py). EOF ends it.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { loadPyodide } from "pyodide";
import { PYTHON_ENV } from "../../../src/sandbox/python/python-env.ts";
import { PROGRAM_PATH, RECORDER_DIR } from "../../../src/sandbox/python/python-paths.ts";
import { installSources, type PyodideLike } from "../../../src/sandbox/python/python-run.ts";
import { pythonSources } from "../../../src/sandbox/python/python-sources.ts";

const quiet = { stdout: () => {}, stderr: () => {}, enableRunUntilComplete: false } as const;
const sources = pythonSources(`${import.meta.dirname}/../../..`);

/** One boot; its memory snapshot is every program's fresh interpreter. */
async function bootSnapshot(): Promise<Uint8Array> {
  const pyodide = await loadPyodide({ ...quiet, env: { ...PYTHON_ENV }, _makeSnapshot: true });
  return pyodide.makeMemorySnapshot();
}

async function recordOne(snapshot: Uint8Array, path: string) {
  const pyodide = await loadPyodide({ ...quiet, _loadSnapshot: snapshot });
  installSources(pyodide as unknown as PyodideLike, sources);
  pyodide.FS.mkdirTree(PROGRAM_PATH.slice(0, PROGRAM_PATH.lastIndexOf("/")));
  pyodide.FS.writeFile(PROGRAM_PATH, readFileSync(path));
  pyodide.runPython(`
def _asyncio_live_record():
    import sys, json
    sys.path.insert(0, ${JSON.stringify(`${RECORDER_DIR}/on_pyodide`)})
    import pyodide_record
    sys.path.remove(${JSON.stringify(`${RECORDER_DIR}/on_pyodide`)})
    status, out, trace, err = pyodide_record.record(${JSON.stringify(PROGRAM_PATH)}, ${JSON.stringify(RECORDER_DIR)})
    return json.dumps({"status": status, "stdout": out, "trace": trace, "stderr": err})
`);
  // Entered through callPromising: a thread's stack suspends through JSPI, which needs a
  // promising entry (pyodide_threads.py); runPythonAsync would run it inside a WebLoop task.
  const record = pyodide.globals.get("_asyncio_live_record") as {
    callPromising(): Promise<unknown>;
  };
  const result = await record.callPromising();
  return String(result);
}

const snapshot = await bootSnapshot();
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { path } = JSON.parse(line) as { path: string };
  let reply: string;
  try {
    reply = await recordOne(snapshot, path);
  } catch (error) {
    reply = JSON.stringify({ status: 1, stdout: "", trace: "", stderr: String(error) });
  }
  process.stdout.write(`${reply}\n`);
}
