/**
 * What every Python interpreter of the site has imported before a reader's program runs:
 * asyncio, the recorder's modules and Pyodide's stand-ins (importing them installs nothing),
 * the driver (`live_run.py`: `runPythonProgram` finds it imported, and still takes it out of
 * `sys.modules` before the reader's code runs), and the modules the
 * recorder's clock reaches on every run (`REAL_TIME_MODULES` in clock.py: multiprocessing's,
 * which Pyodide's stdlib ships as sources, compiled on import). Run once at build time, under
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
import sys, importlib
sys.path.insert(0, ${JSON.stringify(RECORDER_DIR)})
sys.path.insert(0, ${JSON.stringify(`${RECORDER_DIR}/on_pyodide`)})
sys.path.insert(0, ${JSON.stringify(DRIVER_DIR)})
import asyncio, concurrent.futures, runpy, json, weakref, selectors
from _asyncio_live_recorder import clock, harness, loop, transcript
import pyodide_compat, live_run
for _name in clock.REAL_TIME_MODULES:
    try:
        importlib.import_module(_name)
    except ImportError:
        pass  # pyodide_compat stands in for it at run time
del _name
sys.path.remove(${JSON.stringify(RECORDER_DIR)})
sys.path.remove(${JSON.stringify(`${RECORDER_DIR}/on_pyodide`)})
sys.path.remove(${JSON.stringify(DRIVER_DIR)})
`);
}
