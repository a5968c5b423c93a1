/**
 * What every Python interpreter of the site has imported before a reader's program runs:
 * asyncio, the recorder's modules and Pyodide's stand-ins (importing them installs nothing),
 * the driver (`live_run.py`: `runPythonProgram` finds it imported, and still takes it out of
 * `sys.modules` before the reader's code runs), and the modules every run reaches: the
 * recorder's clock's (`REAL_TIME_MODULES` in clock.py: multiprocessing's, which Pyodide's stdlib
 * ships as sources, compiled on import; those Pyodide cannot import stand as empty modules, as
 * the run would make them), the threads' pool (pyodide_compat) and runpy's `pkgutil`. Run once at build time, under
 * node, before the interpreter's memory snapshot is taken (`build-python-snapshot.ts`), so a
 * page's interpreter starts with all of it in memory; a run then starts with its own code, not
 * with compiling the standard library for a second and more.
 */
import { DRIVER_DIR, RECORDER_DIR } from "./python-paths.ts";
import type { PyodideLike } from "./python-run.ts";

/**
 * Imports what every run imports (the recorder's files must be installed: `installSources`).
 * @example
 * installSources(pyodide, sources);
 * warmUp(pyodide); // then pyodide.makeMemorySnapshot()
 */
export function warmUp(pyodide: PyodideLike): void {
  pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(RECORDER_DIR)})
sys.path.insert(0, ${JSON.stringify(`${RECORDER_DIR}/on_pyodide`)})
sys.path.insert(0, ${JSON.stringify(DRIVER_DIR)})
import asyncio, concurrent.futures.thread, runpy, pkgutil, json, weakref, selectors
from _asyncio_live_recorder import clock, harness, loop, transcript
import pyodide_compat, live_run
pyodide_compat.stub_unimportable(clock)
sys.path.remove(${JSON.stringify(RECORDER_DIR)})
sys.path.remove(${JSON.stringify(`${RECORDER_DIR}/on_pyodide`)})
sys.path.remove(${JSON.stringify(DRIVER_DIR)})
`);
}
