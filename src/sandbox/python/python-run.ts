/**
 * Runs one Python program on a loaded Pyodide, through the recorder's driver
 * (`live_run.py`), and hands each trace event it produces to `onEvent`. Shared by the sandbox
 * worker and the node test that checks the driver against the recorded transcripts.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { SourcePosition } from "../protocol.ts";
import { DRIVER_DIR, PROGRAM_PATH, RECORDER_DIR } from "./python-paths.ts";

/** The part of Pyodide's API this module uses (the npm package's `PyodideAPI` fits). */
export interface PyodideLike {
  FS: {
    mkdirTree(path: string): void;
    writeFile(path: string, data: string | Uint8Array): void;
  };
  runPython(code: string, options?: { globals?: unknown }): unknown;
  globals: {
    set(name: string, value: unknown): void;
    get(name: string): {
      (): unknown;
      callPromising(...args: unknown[]): Promise<unknown>;
      destroy(): void;
    };
  };
}

/**
 * How the program ended: the loop time, the escaped exception's type and message, and where
 * in the reader's `main.py` it was raised (a SyntaxError's own place, else the innermost frame
 * of that file in its traceback; null when no frame of it is there).
 */
export interface PythonEnd {
  t: number;
  failed: [type: string, message: string] | null;
  position: SourcePosition | null;
}

/** Writes the recorder and the driver into Pyodide's file system (once per interpreter). */
export function installSources(
  pyodide: PyodideLike,
  sources: Readonly<Record<string, string>>,
): void {
  for (const [path, text] of Object.entries(sources)) {
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, text);
  }
}

/** Pyodide's refusal of `callPromising` where the engine has no JSPI. */
const NO_STACK_SWITCHING = /stack switching not supported/;

/**
 * Runs `source` as the example's `main.py`, as `scripts/python/record.py` would (one run per
 * interpreter: the recorder patches the interpreter for good). Entered through
 * `callPromising`, so that the program's threads, each a stack of its own, can suspend
 * (JSPI: `scripts/python/on_pyodide/pyodide_threads.py`); a program without threads runs
 * through without ever yielding to JavaScript, as before.
 * @example
 * const end = await runPythonProgram(pyodide, "print('hi')", (e) => events.push(e));
 * // events: [{ type: "print", t: 0, task: null, name: null, text: "hi" }]
 */
export async function runPythonProgram(
  pyodide: PyodideLike,
  source: string,
  onEvent: (event: TraceEvent) => void,
): Promise<PythonEnd> {
  pyodide.FS.mkdirTree(PROGRAM_PATH.slice(0, PROGRAM_PATH.lastIndexOf("/")));
  pyodide.FS.writeFile(PROGRAM_PATH, source);
  pyodide.globals.set("_asyncio_live_emit", (json: string) =>
    onEvent(JSON.parse(json) as TraceEvent),
  );
  pyodide.runPython(`
def _asyncio_live_run():
    import sys
    sys.path.insert(0, ${JSON.stringify(DRIVER_DIR)})
    import live_run
    sys.path.remove(${JSON.stringify(DRIVER_DIR)})
    del sys.modules["live_run"]
    return live_run.run(_asyncio_live_emit, ${JSON.stringify(PROGRAM_PATH)}, ${JSON.stringify(RECORDER_DIR)})
`);
  const run = pyodide.globals.get("_asyncio_live_run");
  try {
    return JSON.parse(String(await run.callPromising())) as PythonEnd;
  } catch (error) {
    // A browser without JSPI (WebAssembly stack switching) refuses the call before running any
    // of it: the program runs through a plain call, and only a thread says it cannot start
    // (pyodide_threads.py), instead of every Run Python failing.
    if (!(error instanceof Error && NO_STACK_SWITCHING.test(error.message))) throw error;
    return JSON.parse(String(run())) as PythonEnd;
  } finally {
    run.destroy();
  }
}
