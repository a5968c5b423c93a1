import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { heapify, heappop, heappush } from "../../../src/runtime/asyncio/heap.ts";
import { hasPython } from "./helpers.ts";

test("heap pops equal keys in exactly the order CPython's heapq does", (t) => {
  const keys = [5, 1, 3, 1, 1, 2, 5, 3, 1, 2, 2, 1, 4, 1];
  const heap: Array<[number, number]> = [];
  const less = (a: [number, number], b: [number, number]) => a[0] < b[0];
  for (const [i, k] of keys.entries()) heappush(heap, [k, i], less);
  const order: number[] = [];
  while (heap.length) order.push(heappop(heap, less)[1]);
  const h2: Array<[number, number]> = keys.map((k, i) => [k, i]);
  heapify(h2, less);
  const order2: number[] = [];
  while (h2.length) order2.push(heappop(h2, less)[1]);
  assert.equal(order.length, keys.length);
  if (!hasPython()) return t.skip("python3 not found");
  const py = spawnSync(
    "python3",
    [
      "-c",
      `
import heapq, json
class K:
    def __init__(s, k, i): s.k, s.i = k, i
    def __lt__(s, o): return s.k < o.k
keys = ${JSON.stringify(keys)}
h = []
for i, k in enumerate(keys): heapq.heappush(h, K(k, i))
a = [heapq.heappop(h).i for _ in keys]
h = [K(k, i) for i, k in enumerate(keys)]
heapq.heapify(h)
b = [heapq.heappop(h).i for _ in keys]
print(json.dumps([a, b]))`,
    ],
    { encoding: "utf8" },
  );
  assert.deepEqual([order, order2], JSON.parse(py.stdout));
});
