/**
 * Fetches what Run Python needs, once per page, only when the reader first presses it: the
 * manifest, Pyodide's files and the Python worker's code, all same-origin under the site's
 * base path (so the HTTP cache serves them to every later page). Progress is reported in
 * bytes against the manifest's sizes (the transfer may be compressed; the bytes counted are
 * the files').
 *
 * The files become Blobs straight from the network (`Response.blob()`): the page's JavaScript
 * never holds or copies their bytes, and the sandbox gets handles to them (python-runtime.ts).
 */
import {
  PYTHON_SNAPSHOT_FILE,
  type PythonManifest,
  type PythonRuntime,
} from "../../sandbox/python/python-runtime.ts";

export interface LoadProgress {
  loaded: number;
  total: number;
}

/**
 * The file at `url` as a Blob of `type`, counting its bytes as they arrive. A file the site's
 * service worker keeps is taken from its cache directly: a handle to bytes already on disk,
 * where the same file through the worker's `fetch` streamed 10 MB through it and the page's
 * JavaScript (a third of a later page's wait for Python).
 */
async function fetchBlob(url: string, onChunk: (n: number) => void, type = ""): Promise<Blob> {
  const blob = await keptOrFetched(url, onChunk);
  return type ? new Blob([blob], { type }) : blob;
}

async function keptOrFetched(url: string, onChunk: (n: number) => void): Promise<Blob> {
  const kept = await globalThis.caches?.match(url, { ignoreVary: true });
  if (kept?.status === 200) {
    const blob = await kept.blob();
    onChunk(blob.size);
    return blob;
  }
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onChunk(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted).blob();
}

/** Where Run Python's files are: Pyodide's, the snapshot, the worker's code, the manifest. */
function pythonFiles(base: string) {
  const dir = `${base}sandbox/pyodide/`;
  return {
    asmJs: `${dir}pyodide.asm.mjs`,
    wasm: `${dir}pyodide.asm.wasm`,
    stdlib: `${dir}python_stdlib.zip`,
    lock: `${dir}pyodide-lock.json`,
    worker: `${base}sandbox/python-worker.js`,
    snapshot: dir + PYTHON_SNAPSHOT_FILE,
    manifest: `${dir}manifest.json`,
  };
}

/** Every file Run Python needs. */
export function pythonFileUrls(base: string): string[] {
  return Object.values(pythonFiles(base));
}

/**
 * Whether every file Run Python needs is kept by the site's service worker (this reader ran
 * Python on this site before): loading it then transfers nothing.
 * @example
 * if (await pythonIsKept("/asyncio-live/")) void ensurePython(runner, () => {});
 */
export async function pythonIsKept(base: string): Promise<boolean> {
  const store = globalThis.caches;
  if (!store) return false;
  const found = await Promise.all(
    pythonFileUrls(base).map((url) => store.match(url, { ignoreVary: true })),
  );
  return found.every((response) => response !== undefined);
}

/** The manifest: what Run Python will download (for "Loading Python (12 MB, once)…"). */
export async function fetchManifest(base: string): Promise<PythonManifest> {
  const response = await fetch(pythonFiles(base).manifest);
  if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
  return (await response.json()) as PythonManifest;
}

/**
 * Downloads Pyodide, the interpreter's snapshot and the Python worker, reporting progress once
 * the manifest (fetched beside them, not before: on a second page every file is a cache hit,
 * and the manifest's round trip was a tenth of the wait) has said how much there is.
 * @example
 * const manifest = fetchManifest("/asyncio-live/");
 * const runtime = await loadPythonRuntime("/asyncio-live/", manifest, (p) => show(p.loaded / p.total));
 */
export async function loadPythonRuntime(
  base: string,
  manifest: Promise<PythonManifest>,
  onProgress: (progress: LoadProgress) => void,
): Promise<PythonRuntime> {
  let total = 0;
  let loaded = 0;
  const report = () => {
    if (total > 0) onProgress({ loaded: Math.min(loaded, total), total });
  };
  manifest.then(
    (m) => {
      total = Object.values(m.bytes).reduce((a, b) => a + b, 0);
      report();
    },
    () => {}, // the caller awaits the manifest too, and says why it failed
  );
  const count = (n: number) => {
    loaded += n;
    report();
  };
  const urls = pythonFiles(base);
  const [asmJs, wasm, stdlib, lock, worker, snapshot] = await Promise.all([
    fetchBlob(urls.asmJs, count, "text/javascript"),
    fetchBlob(urls.wasm, count, "application/wasm"),
    fetchBlob(urls.stdlib, count),
    fetchBlob(urls.lock, count),
    fetchBlob(urls.worker, count),
    fetchBlob(urls.snapshot, count),
  ]);
  return {
    asmJs,
    wasm,
    stdlib,
    lock: await lock.text(),
    workerSource: await worker.text(),
    snapshot,
  };
}
