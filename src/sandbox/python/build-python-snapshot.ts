/**
 * Builds the Python interpreter's memory snapshot (build time, node only): Pyodide booted with
 * the page's environment, the recorder's files installed and every run's imports done
 * (`warmUp`), then its whole memory taken (`makeMemorySnapshot`, as the 3.14 recorder does per
 * program). A page's Python worker restores it instead of starting Python: no interpreter
 * start-up and no compiling of the ~200 standard-library modules asyncio and Pyodide import
 * (Pyodide ships them as sources), which was most of Run Python's wait on a second page.
 *
 * Served without its all-zero pages (`zero-pages.ts`) and gzipped as it is
 * (`python-snapshot.bin`): its 31 MB, half of them zeros, travel as ~6 MB whatever the host
 * compresses, and the Python worker inflates the 16 MB left with the browser's own
 * `DecompressionStream`.
 */
import { resolve } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { loadPyodide } from "pyodide";
import { installSources, type PyodideLike } from "./python-run.ts";
import { pythonSources } from "./python-sources.ts";
import { PYODIDE_OPTIONS } from "./python-start-options.ts";
import { warmUp } from "./python-warm-up.ts";
import { dropZeroPages } from "./zero-pages.ts";

/** The snapshot, raw (what `loadPyodide({ _loadSnapshot })` takes). */
export async function makePythonSnapshot(root = "."): Promise<Uint8Array> {
  const pyodide = await loadPyodide({
    ...PYODIDE_OPTIONS,
    env: { ...PYODIDE_OPTIONS.env },
    // The very files the site serves (at build time this module runs from a bundled chunk).
    indexURL: `${resolve(root, "node_modules/pyodide")}/`,
    _makeSnapshot: true,
  });
  const api = pyodide as unknown as PyodideLike;
  installSources(api, pythonSources(root));
  warmUp(api);
  return pyodide.makeMemorySnapshot();
}

let cached: Promise<Uint8Array<ArrayBuffer>> | null = null;

/** `python-snapshot.bin`: the snapshot without its zero pages, gzipped (made once per build). */
export function buildPythonSnapshot(): Promise<Uint8Array<ArrayBuffer>> {
  cached ??= makePythonSnapshot().then(
    async (raw) => new Uint8Array(await promisify(gzip)(dropZeroPages(raw), { level: 9 })),
  );
  return cached;
}
