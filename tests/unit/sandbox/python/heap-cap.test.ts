/**
 * A memory bomb in Run Python, in node on the Pyodide the page loads, with the worker's heap
 * cap: it ends in Python's own MemoryError (the run fails as the traceback it is), at the line
 * that allocated, long before Pyodide's 4 GB, and the heap stays under the cap.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadPyodide } from "pyodide";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { capWasmHeap, PYTHON_HEAP_BYTES } from "../../../../src/sandbox/python/heap-cap.ts";
import { PYTHON_ENV } from "../../../../src/sandbox/python/python-env.ts";
import {
  installSources,
  type PyodideLike,
  runPythonProgram,
} from "../../../../src/sandbox/python/python-run.ts";
import { pythonSources } from "../../../../src/sandbox/python/python-sources.ts";

capWasmHeap(PYTHON_HEAP_BYTES);
const sources = pythonSources();

test("a plain WebAssembly memory may not grow past the cap", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  assert.throws(() => memory.grow(PYTHON_HEAP_BYTES / 65_536), RangeError);
  assert.equal(memory.grow(1), 1); // below the cap it grows as before
});

for (const [what, source, line] of [
  ["a list filled in a loop", "l = []\nwhile True:\n    l.append('x' * 10**6)\n", 3],
  [
    "a list filled in a task that awaits between appends",
    [
      "import asyncio",
      "async def hog():",
      "    l = []",
      "    while True:",
      "        l.append('x' * 10**6)",
      "        await asyncio.sleep(0)",
      "async def main():",
      "    await asyncio.create_task(hog())",
      "asyncio.run(main())",
    ].join("\n"),
    5,
  ],
] as const) {
  test(`${what} ends in Python's MemoryError, under the cap`, async () => {
    const pyodide = (await loadPyodide({
      env: { ...PYTHON_ENV },
      stdout: () => {},
      stderr: () => {},
      enableRunUntilComplete: false,
    })) as unknown as PyodideLike & { _module: { HEAPU8: Uint8Array } };
    installSources(pyodide, sources);
    const events: TraceEvent[] = [];
    const end = await runPythonProgram(pyodide, source, (e) => events.push(e));
    assert.deepEqual(end.failed, ["MemoryError", ""]);
    assert.equal(end.position?.line, line);
    assert.deepEqual(
      events.filter((e) => e.type === "exception").map((e) => e.lines),
      [["MemoryError"]],
    );
    assert.ok(pyodide._module.HEAPU8.length <= PYTHON_HEAP_BYTES);
  });
}
