/**
 * The Python files a Run Python needs besides Pyodide (build time, node only): the recorder's
 * own modules and stand-ins from `scripts/python/`, unchanged, and the driver `live_run.py`,
 * keyed by where they go in Pyodide's file system. Bundled into the Python worker, so the
 * browser runs the very code that records `python.out`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DRIVER_PATH, RECORDER_DIR } from "./python-paths.ts";

function pythonFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "__pycache__" ? [] : pythonFilesUnder(path);
    return entry.name.endsWith(".py") ? [path] : [];
  });
}

/** `{ "/asyncio_live/recorder/_asyncio_live_recorder/loop.py": "…", … }`, resolved from `root`. */
export function pythonSources(root = "."): Record<string, string> {
  const scripts = resolve(root, "scripts/python");
  const files: Record<string, string> = {};
  for (const part of ["_asyncio_live_recorder", "standins", "on_pyodide"]) {
    for (const path of pythonFilesUnder(join(scripts, part)))
      files[`${RECORDER_DIR}/${relative(scripts, path)}`] = readFileSync(path, "utf8");
  }
  files[DRIVER_PATH] = readFileSync(resolve(root, "src/sandbox/python/live_run.py"), "utf8");
  return files;
}
