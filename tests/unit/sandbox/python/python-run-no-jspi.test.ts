/**
 * Run Python in an engine without JSPI (WebAssembly stack switching: Chromium and node have
 * it, not every browser does). Its own file, so its process can take JSPI away before Pyodide
 * loads (Pyodide decides then whether it has stack switching). A program without threads must
 * run as anywhere; a thread must say at once why it cannot start.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

// Before Pyodide is loaded: what an engine without JSPI lacks.
const wasm = WebAssembly as unknown as Record<string, unknown>;
delete wasm["Suspending"];
delete wasm["promising"];

const { loadPyodide } = await import("pyodide");
const { installSources, runPythonProgram } = await import(
  "../../../../src/sandbox/python/python-run.ts"
);
const { pythonSources } = await import("../../../../src/sandbox/python/python-sources.ts");
const { PYODIDE_OPTIONS } = await import("../../../../src/sandbox/python/python-start-options.ts");
type PyodideLike = import("../../../../src/sandbox/python/python-run.ts").PyodideLike;

async function run(source: string) {
  const pyodide = (await loadPyodide({
    ...PYODIDE_OPTIONS,
    env: { ...PYODIDE_OPTIONS.env },
  })) as unknown as PyodideLike;
  installSources(pyodide, pythonSources());
  const lines: string[] = [];
  const end = await runPythonProgram(pyodide, source, (e) => {
    if (e.type === "print") lines.push(e.text);
  });
  return { lines, end };
}

test("without JSPI a program without threads runs as it does with it", async () => {
  assert.equal("Suspending" in WebAssembly, false);
  const { lines, end } = await run(
    "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print('done')\n\nasyncio.run(main())\n",
  );
  assert.equal(end.failed, null);
  assert.equal(end.t, 1);
  assert.deepEqual(lines, ["done"]);
});

test("without JSPI a thread fails at once at its line, saying why", async () => {
  const { end } = await run(
    "import asyncio\n\nasync def main():\n    await asyncio.to_thread(print, 'hi')\n\nasyncio.run(main())\n",
  );
  assert.equal(end.failed?.[0], "RuntimeError");
  assert.match(end.failed?.[1] ?? "", /cannot start a thread in this browser: .*JSPI/);
  assert.equal(end.position?.line, 4);
});
