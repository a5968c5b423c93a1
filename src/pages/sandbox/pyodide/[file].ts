import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { buildPythonSnapshot } from "../../../sandbox/python/build-python-snapshot.ts";
import { buildPythonWorker } from "../../../sandbox/python/build-python-worker.ts";
import {
  PYODIDE_FILES,
  PYTHON_SNAPSHOT_FILE,
  type PythonManifest,
} from "../../../sandbox/python/python-runtime.ts";

/**
 * Pyodide's files, copied from the npm package into the build under the site's base path
 * (never committed, never from a CDN), the interpreter's snapshot the build makes from them,
 * and `manifest.json` saying what they weigh.
 */
const pyodideDir = resolve("node_modules/pyodide");

export const getStaticPaths: GetStaticPaths = () =>
  [...PYODIDE_FILES, PYTHON_SNAPSHOT_FILE, "manifest.json"].map((file) => ({ params: { file } }));

async function manifest(): Promise<PythonManifest> {
  const lock = JSON.parse(readFileSync(resolve(pyodideDir, "pyodide-lock.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(resolve(pyodideDir, "package.json"), "utf8"));
  const bytes: Record<string, number> = {};
  for (const file of PYODIDE_FILES) bytes[file] = statSync(resolve(pyodideDir, file)).size;
  bytes[PYTHON_SNAPSHOT_FILE] = (await buildPythonSnapshot()).byteLength;
  bytes["python-worker.js"] = Buffer.byteLength(await buildPythonWorker());
  return { pyodide: pkg.version, python: lock.info.python, bytes };
}

export const GET: APIRoute = async ({ params }) => {
  const file = String(params.file);
  if (file === "manifest.json")
    return new Response(JSON.stringify(await manifest()), {
      headers: { "Content-Type": "application/json" },
    });
  if (file === PYTHON_SNAPSHOT_FILE)
    return new Response(await buildPythonSnapshot(), {
      headers: { "Content-Type": "application/octet-stream" },
    });
  const types: Record<string, string> = {
    js: "text/javascript",
    mjs: "text/javascript",
    wasm: "application/wasm",
    zip: "application/zip",
    json: "application/json",
  };
  return new Response(readFileSync(resolve(pyodideDir, file)), {
    headers: {
      "Content-Type": types[file.slice(file.lastIndexOf(".") + 1)] ?? "application/octet-stream",
    },
  });
};
