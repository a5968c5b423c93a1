import assert from "node:assert/strict";
import { test } from "node:test";
import {
  describeThrown,
  readerPosition,
  toRunError,
  UNPRINTABLE,
} from "../../../src/sandbox/error-info.ts";

const url = "blob:null/0b5c7d0e-1111-2222-3333-444455556666";

test("the position is the first frame in the reader's module", () => {
  const stack = [
    "TypeError: x is not a function",
    "    at step (worker:1:2000)",
    `    at main (${url}:12:5)`,
    `    at ${url}:30:1`,
  ].join("\n");
  assert.deepEqual(readerPosition(stack, url), { line: 12, column: 5 });
});

test("no frame in the reader's module means no position", () => {
  assert.equal(readerPosition("Error: x\n    at f (worker:1:2)", url), null);
  assert.equal(readerPosition(undefined, url), null);
});

test("errors keep their Python-style name; other thrown values say what they were", () => {
  class KeyError extends Error {
    override name = "KeyError";
  }
  assert.deepEqual(toRunError(new KeyError("'a'"), null), {
    type: "KeyError",
    message: "'a'",
    position: null,
  });
  assert.equal(toRunError(42, null).message, "a non-error value was thrown: 42");
});

test("a thrown value whose toString throws is reported as unprintable, never rethrown", () => {
  const hostile = {
    toString() {
      throw new Error("no string for you");
    },
  };
  const got = describeThrown(hostile, null);
  assert.equal(got.printable, false);
  assert.deepEqual(got.error, { type: "Error", message: UNPRINTABLE, position: null });
});

test("an Error whose message getter throws is unprintable too", () => {
  const e = new Error("x");
  Object.defineProperty(e, "message", {
    get() {
      throw new Error("getter");
    },
  });
  assert.equal(describeThrown(e, null).printable, false);
  assert.equal(toRunError(e, null).message, UNPRINTABLE);
});

test("a proxy whose traps throw is unprintable", () => {
  const trap = () => {
    throw new Error("trap");
  };
  const p = new Proxy({}, { get: trap, getPrototypeOf: trap });
  assert.equal(describeThrown(p, null).printable, false);
});

test("an ordinary error stays printable", () => {
  assert.equal(describeThrown(new RangeError("r"), null).printable, true);
});
