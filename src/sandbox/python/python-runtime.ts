/**
 * What the page hands the sandbox so it can start Python: Pyodide's files and the Python
 * worker's code, fetched by the page (same origin, HTTP-cached across the site) only when the
 * reader first presses Run Python. The opaque-origin frame cannot fetch them itself (no CORS,
 * and its CSP has `connect-src 'none'`), so they travel in a message, as Blobs: a Blob is
 * posted as a handle to bytes the browser holds, not copied, so the page, the frame and each
 * Python worker pass 20 MB of files along in no time (as ArrayBuffers, the page's message and
 * every worker's `boot` copied them, 45 MB with the inflated snapshot, which held the page's
 * and the frame's threads for tens of ms each, and far longer under load).
 */
export interface PythonRuntime {
  /** The Python worker's code (`python-worker.ts` bundled, with the recorder's files). */
  workerSource: string;
  /** `pyodide.asm.mjs`: Emscripten's module factory (an ES module), typed `text/javascript`. */
  asmJs: Blob;
  /** `pyodide.asm.wasm`. */
  wasm: Blob;
  /** `python_stdlib.zip`. */
  stdlib: Blob;
  /** `pyodide-lock.json`, as text. */
  lock: string;
  /**
   * The interpreter's memory after start-up and the site's imports (`build-python-snapshot.ts`),
   * gzipped as served: each Python worker inflates it on its own thread while it loads the rest.
   */
  snapshot: Blob;
}

/** The files of a `PythonRuntime`, as the site serves them under `sandbox/pyodide/`. */
export const PYODIDE_FILES = [
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
] as const;

export type PyodideFile = (typeof PYODIDE_FILES)[number];

/** The interpreter's snapshot, gzipped, served beside Pyodide's files (made by the build). */
export const PYTHON_SNAPSHOT_FILE = "python-snapshot.bin";

/** `sandbox/pyodide/manifest.json`: what Run Python will download, for the loading message. */
export interface PythonManifest {
  pyodide: string;
  /** The Python version Pyodide runs (`3.14.2`). */
  python: string;
  /** Bytes of each file, the worker's code included. */
  bytes: Record<string, number>;
}
