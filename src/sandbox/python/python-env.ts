/**
 * The environment Python starts with wherever a run must print its recording: what
 * `scripts/python/record.py` fixes before CPython starts (`FIXED_ENV`), given to Pyodide's
 * Python before it starts, in the page's Python worker and in the 3.14 recorder
 * (`scripts/python/on_pyodide/record_pyodide.ts`). Set orders (hash seed) and clocks depend on it.
 */
export const PYTHON_ENV: Readonly<Record<string, string>> = {
  PYTHONHASHSEED: "0",
  TZ: "UTC",
  PYTHONUTF8: "1",
  PYTHONDONTWRITEBYTECODE: "1",
};
