import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { formatTime } from "../../../src/runtime/asyncio/format.ts";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { hasPython } from "./helpers.ts";

const { pyRepr, pyStr } = asyncio;

test("pyRepr/pyStr format values as Python does", () => {
  assert.equal(pyRepr([1, "a", true, null, undefined]), "[1, 'a', True, None, None]");
  assert.equal(pyRepr({ a: 1, b: [2.5] }), "{'a': 1, 'b': [2.5]}");
  assert.equal(pyRepr(new Set()), "set()");
  assert.equal(pyRepr(new Map([["k", 1]])), "{'k': 1}");
  assert.equal(pyRepr("it's"), '"it\'s"');
  assert.equal(pyRepr("a\nb"), "'a\\nb'");
  assert.equal(pyRepr(new asyncio.ValueError("x")), "ValueError('x')");
  assert.equal(pyRepr(new asyncio.CancelledError()), "CancelledError()");
  assert.equal(pyRepr(new Error("plain")), "Exception('plain')");
  class Point {
    x = 1;
    y = 2;
  }
  assert.equal(pyRepr(new Point()), "Point(x=1, y=2)");
  assert.equal(pyStr("hi"), "hi");
  assert.equal(pyStr(new asyncio.ValueError("x")), "x");
  const a: unknown[] = [];
  a.push(a);
  assert.equal(pyRepr(a), "[[...]]");
});

test("floats print as CPython's repr; integers without a decimal point", (t) => {
  const values = [
    0.1,
    1.5,
    1e-7,
    1.234e-5,
    0.0001,
    1e16 + 2.5,
    123456789.125,
    -0.5,
    1e22,
    3,
    -7,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  const ours = values.map(pyRepr);
  assert.deepEqual(ours.slice(0, 5), ["0.1", "1.5", "1e-07", "1.234e-05", "0.0001"]);
  assert.deepEqual(ours.slice(9, 12), ["3", "-7", "9007199254740992"]);
  if (!hasPython()) return t.skip("python3 not found");
  const floats = values.map((v) =>
    Number.isInteger(v)
      ? `int(${v})`
      : Number.isNaN(v)
        ? "float('nan')"
        : v === Infinity
          ? "float('inf')"
          : `${v}`,
  );
  const py = spawnSync(
    "python3",
    ["-c", `print("\\n".join(repr(v) for v in [${floats.join(",")}]))`],
    { encoding: "utf8" },
  );
  assert.deepEqual(ours, py.stdout.trim().split("\n"));
});

test("formatTime rounds half to even like Python's f'{t:.3f}'", () => {
  assert.equal(formatTime(0.0625), "0.062");
  assert.equal(formatTime(0.1875), "0.188");
  assert.equal(formatTime(1), "1.000");
  assert.equal(formatTime(2.0005), "2.001");
});
