/** Reader code gets the runtime's API but not the host's controls: it cannot lift the limits. */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { readerAsyncio } from "../../../src/sandbox/reader-asyncio.ts";

test("the reader's asyncio has the API, without host or resetRuntime", () => {
  const api = readerAsyncio(asyncio);
  assert.equal(api.sleep, asyncio.sleep);
  assert.equal(api.run, asyncio.run);
  assert.equal("host" in api, false);
  assert.equal("resetRuntime" in api, false);
});

test("configure from reader code throws and leaves the limits alone", () => {
  const api = readerAsyncio(asyncio) as { configure: (o: unknown) => void };
  assert.throws(() => api.configure({ limits: {} }), /not available here/);
  assert.ok(Object.isFrozen(api));
});

test("reader code cannot change the Python version the page chose", () => {
  asyncio.configure({ python: "3.13" });
  try {
    const api = readerAsyncio(asyncio) as { configure: (o: unknown) => void };
    assert.throws(() => api.configure({ python: "3.11" }), /not available here/);
    assert.equal(asyncio.host.pythonVersion(), "3.13");
    const names = Object.keys(api);
    for (const name of ["setPythonVersion", "since", "SINCE"])
      assert.equal(names.includes(name), false, name);
  } finally {
    asyncio.resetRuntime();
  }
});
