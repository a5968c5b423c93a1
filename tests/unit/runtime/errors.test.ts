import assert from "node:assert/strict";
import { test } from "node:test";
import { formatErrorLines, pyTypeName } from "../../../src/runtime/asyncio/errors.ts";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

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

test("exceptions keep Python's args: repr, str, and the EXC and LOOP-ERROR lines", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def fails():
        raise KeyError("k")
    async def main():
        print(repr(asyncio.CancelledError("")), repr(asyncio.CancelledError()))
        print(KeyError("k"), repr(KeyError("k")), ValueError("a", 1), repr(ValueError("a", 1)))
        print(repr(str(KeyError())), len(ValueError("a", 1).args), KeyError("k").args[0])
        asyncio.create_task(fails())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        raise KeyError("missing")
    asyncio.run(main())
    `,
    async () => {
      const r = asyncio.pyRepr;
      print(r(new asyncio.CancelledError("")), r(new asyncio.CancelledError()));
      print(
        new asyncio.KeyError("k"),
        r(new asyncio.KeyError("k")),
        new asyncio.ValueError("a", 1),
        r(new asyncio.ValueError("a", 1)),
      );
      print(
        r(asyncio.pyStr(new asyncio.KeyError())),
        new asyncio.ValueError("a", 1).args.length,
        new asyncio.KeyError("k").args[0],
      );
      asyncio.createTask(async () => {
        throw new asyncio.KeyError("k");
      });
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      throw new asyncio.KeyError("missing");
    },
    `
    [t=0.000 Task-1] CancelledError('') CancelledError()
    [t=0.000 Task-1] 'k' KeyError('k') ('a', 1) ValueError('a', 1)
    [t=0.000 Task-1] '' 2 k
    [t=0.000] LOOP-ERROR KeyError: 'k'
    [t=0.000] EXC KeyError: 'missing'
    `,
  );
});
