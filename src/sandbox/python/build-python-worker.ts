/**
 * Builds the Python worker's code (build time, node only): `python-worker.ts` bundled with
 * Pyodide's loader and the recorder's Python files. Served as a file of its own and fetched
 * by the page only when the reader presses Run Python, never inlined in the runner page.
 */
import { resolve } from "node:path";
import * as esbuild from "esbuild";
import { pythonSources } from "./python-sources.ts";

let cached: Promise<string> | null = null;

export function buildPythonWorker(): Promise<string> {
  cached ??= esbuild
    .build({
      entryPoints: [resolve("src/sandbox/python/python-worker.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2022",
      minify: true,
      write: false,
      legalComments: "none",
      charset: "utf8",
      // Pyodide's loader imports these only under node.
      external: ["node:*", "ws"],
      define: { __PYTHON_SOURCES__: JSON.stringify(pythonSources()) },
    })
    .then((result) => {
      const out = result.outputFiles[0];
      if (!out) throw new Error("esbuild produced nothing for the Python worker");
      return out.text;
    });
  if (process.env.NODE_ENV === "development") {
    const built = cached;
    cached = null;
    return built;
  }
  return cached;
}
