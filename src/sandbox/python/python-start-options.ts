/**
 * The `loadPyodide` options every interpreter of the site starts with: the build's snapshot
 * (`build-python-snapshot.ts`) and the page's worker must agree, since a restored interpreter
 * keeps the settings it was made with.
 */
import { PYTHON_ENV } from "./python-env.ts";

export const PYODIDE_OPTIONS = {
  env: PYTHON_ENV,
  // Quiet: a run's output goes through the recorder's stamped stdout, never Pyodide's.
  stdout: () => {},
  stderr: () => {},
  // CPython's own asyncio.run, not Pyodide's browser loop (pyodide_compat.py).
  enableRunUntilComplete: false,
  checkAPIVersion: true,
} as const;
