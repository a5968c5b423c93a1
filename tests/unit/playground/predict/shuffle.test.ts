import assert from "node:assert/strict";
import { test } from "node:test";
import { shuffledOrder } from "../../../../src/playground/predict/shuffle.ts";

const isPermutation = (order: number[], n: number) =>
  order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i);

test("the same seed gives the same order, other seeds usually another", () => {
  const items = ["a", "b", "c", "d", "e", "f", "g"];
  const first = shuffledOrder(items, "hello-gather");
  assert.deepEqual(shuffledOrder(items, "hello-gather"), first);
  assert.ok(isPermutation(first, items.length));
  const others = ["x", "y", "z", "w"].map((seed) => shuffledOrder(items, seed).join());
  assert.ok(others.some((o) => o !== first.join()));
});

test("never the right order, for every size from 2 to 9 and many seeds", () => {
  for (let n = 2; n <= 9; n++) {
    const items = Array.from({ length: n }, (_, i) => `line ${i}`);
    for (let s = 0; s < 200; s++) {
      const order = shuffledOrder(items, `seed-${s}`);
      assert.ok(isPermutation(order, n));
      assert.ok(
        order.some((v, i) => v !== i),
        `identity for n=${n}, seed-${s}`,
      );
    }
  }
});

test("with repeated lines the shown order still reads differently from the right one", () => {
  const items = ["tick", "tick", "tick", "done"];
  for (let s = 0; s < 200; s++) {
    const order = shuffledOrder(items, `seed-${s}`);
    assert.notDeepEqual(
      order.map((i) => items[i]),
      items,
    );
  }
});

test("zero or one line has nothing to shuffle", () => {
  assert.deepEqual(shuffledOrder([], "x"), []);
  assert.deepEqual(shuffledOrder(["only"], "x"), [0]);
});
