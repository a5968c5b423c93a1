/**
 * Fetches what Run Python needs, once per page, only when the reader first presses it: the
 * manifest, Pyodide's files and the Python worker's code, all same-origin under the site's
 * base path (so the HTTP cache serves them to every later page). Progress is reported in
 * bytes against the manifest's sizes (the transfer may be compressed; the bytes counted are
 * the files').
 */
import {
  PYODIDE_FILES,
  PYTHON_SNAPSHOT_FILE,
  type PythonManifest,
  type PythonRuntime,
} from "../../sandbox/python/python-runtime.ts";

export interface LoadProgress {
  loaded: number;
  total: number;
}

async function fetchBytes(url: string, onChunk: (n: number) => void): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onChunk(value.byteLength);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all.buffer;
}

/** Inflates the gzipped snapshot with the browser's own decompressor (off the main thread). */
function gunzip(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(inflated).arrayBuffer();
}

/** The manifest: what Run Python will download (for "Loading Python (12 MB, once)…"). */
export async function fetchManifest(base: string): Promise<PythonManifest> {
  const response = await fetch(`${base}sandbox/pyodide/manifest.json`);
  if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
  return (await response.json()) as PythonManifest;
}

/**
 * Downloads Pyodide, the interpreter's snapshot and the Python worker, reporting progress.
 * @example
 * const runtime = await loadPythonRuntime("/asyncio-live/", manifest, (p) => show(p.loaded / p.total));
 */
export async function loadPythonRuntime(
  base: string,
  manifest: PythonManifest,
  onProgress: (progress: LoadProgress) => void,
): Promise<PythonRuntime> {
  const total = Object.values(manifest.bytes).reduce((a, b) => a + b, 0);
  let loaded = 0;
  const count = (n: number) => {
    loaded += n;
    onProgress({ loaded: Math.min(loaded, total), total });
  };
  const dir = `${base}sandbox/pyodide/`;
  const [asmJs, wasm, stdlib, lock, worker, snapshot] = await Promise.all([
    ...PYODIDE_FILES.map((file) => fetchBytes(dir + file, count)),
    fetchBytes(`${base}sandbox/python-worker.js`, count),
    fetchBytes(dir + PYTHON_SNAPSHOT_FILE, count).then(gunzip),
  ]);
  const text = (b: ArrayBuffer | undefined) => new TextDecoder().decode(b);
  if (!asmJs || !wasm || !stdlib || !snapshot) throw new Error("Pyodide's files did not arrive");
  return { asmJs, wasm, stdlib, lock: text(lock), workerSource: text(worker), snapshot };
}
