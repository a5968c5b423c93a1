import assert from "node:assert/strict";
import { test } from "node:test";
import { formatErrorLines, pyTypeName } from "../../../src/runtime/asyncio/errors.ts";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";

test("error names are Python type names; subclasses without a name use their class name", () => {
  class MyError extends Error {}
  assert.equal(pyTypeName(new MyError("x")), "MyError");
  assert.equal(pyTypeName(new asyncio.CancelledError()), "CancelledError");
  assert.equal(pyTypeName(new TypeError("t")), "TypeError");
  assert.equal(new asyncio.TimeoutError().name, "TimeoutError");
  assert.equal(new asyncio.BrokenBarrierError("b") instanceof asyncio.RuntimeError, true);
});

test("ExceptionGroup message and nested transcript lines", () => {
  const inner = new asyncio.ExceptionGroup("inner", [new asyncio.ValueError("v")]);
  const eg = new asyncio.ExceptionGroup("unhandled errors in a TaskGroup", [
    inner,
    new asyncio.KeyError("k"),
  ]);
  assert.equal(eg.message, "unhandled errors in a TaskGroup (2 sub-exceptions)");
  assert.deepEqual(formatErrorLines(eg), [
    "ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
    "  ExceptionGroup: inner (1 sub-exception)",
    "    ValueError: v",
    "  KeyError: 'k'",
  ]);
});
