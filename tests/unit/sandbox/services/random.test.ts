/**
 * The `random` port against CPython: the same seeds and calls give the same values, compared
 * with python3's own output (skipped, with a note, when python3 >= 3.11 is missing).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import * as random from "../../../../src/sandbox/services/random.ts";

const SEEDS = [
  0,
  1,
  2,
  7,
  42,
  123,
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 40 + 5,
  -3,
  9007199254740991,
];

// The same program in both languages: each line is a call whose result is recorded.
const PY = `
import json, random, sys
out = []
for s in ${JSON.stringify(SEEDS)}:
    r = random.Random(s)
    row = []
    row.append([r.random() for _ in range(5)])
    row.append([r.getrandbits(k) for k in (1, 7, 31, 32, 33, 53)])
    row.append([r.randint(1, 6) for _ in range(20)])
    row.append([r.randrange(10) for _ in range(10)])
    row.append([r.randrange(3, 1000, 7) for _ in range(10)])
    row.append([r.randrange(100, 0, -3) for _ in range(10)])
    row.append([r.randint(0, 2**40) for _ in range(5)])
    row.append([r.uniform(0.5, 1.5) for _ in range(5)])
    row.append([r.choice("abcdefg") for _ in range(10)])
    x = list(range(30)); r.shuffle(x); row.append(x)
    row.append(r.sample(range(10), 4))
    row.append(r.sample(range(1000), 8))
    row.append(r.choices("abc", k=6))
    row.append(r.choices("abc", weights=[5, 1, 0.5], k=6))
    row.append(r.choices("abc", cum_weights=[1, 2, 10], k=4))
    out.append(row)
random.seed(5)
out.append([random.random(), random.randint(1, 100), random.choice([1, 2, 3])])
random.seed(0)
out.append([random.random()])
json.dump(out, sys.stdout)
`;

function tsRun(): unknown[] {
  const out: unknown[] = [];
  for (const s of SEEDS) {
    const r = new random.Random(s);
    const row: unknown[] = [];
    const times = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
    row.push(times(5, () => r.random()));
    row.push([1, 7, 31, 32, 33, 53].map((k) => r.getrandbits(k)));
    row.push(times(20, () => r.randint(1, 6)));
    row.push(times(10, () => r.randrange(10)));
    row.push(times(10, () => r.randrange(3, 1000, 7)));
    row.push(times(10, () => r.randrange(100, 0, -3)));
    row.push(times(5, () => r.randint(0, 2 ** 40)));
    row.push(times(5, () => r.uniform(0.5, 1.5)));
    row.push(times(10, () => r.choice("abcdefg")));
    const x = Array.from({ length: 30 }, (_, i) => i);
    r.shuffle(x);
    row.push(x);
    row.push(r.sample([...Array(10).keys()], 4));
    row.push(r.sample([...Array(1000).keys()], 8));
    row.push(r.choices("abc", { k: 6 }));
    row.push(r.choices("abc", { weights: [5, 1, 0.5], k: 6 }));
    row.push(r.choices("abc", { cumWeights: [1, 2, 10], k: 4 }));
    out.push(row);
  }
  random.seed(5);
  out.push([random.random(), random.randint(1, 100), random.choice([1, 2, 3])]);
  random.seed(0);
  out.push([random.random()]);
  return out;
}

test("seeded sequences equal CPython's for many seeds and every function", (t) => {
  const py = spawnSync("python3", ["-c", PY], { encoding: "utf8" });
  if (py.status !== 0 || py.error) {
    t.skip(`python3 not available: ${py.error?.message ?? py.stderr}`);
    return;
  }
  assert.deepEqual(tsRun(), JSON.parse(py.stdout));
});

test("known values from CPython 3.11 (no python3 needed)", () => {
  const r = new random.Random(0);
  assert.equal(r.random(), 0.8444218515250481);
  assert.equal(new random.Random(42).randint(1, 10), 2);
  random._reset();
  assert.equal(random.random(), 0.8444218515250481, "the module starts seeded with 0");
});

test("errors are Python's", () => {
  const r = new random.Random(1);
  assert.throws(() => r.choice([]), { name: "IndexError" });
  assert.throws(() => r.randrange(0), { name: "ValueError" });
  assert.throws(() => r.randint(5, 1), {
    name: "ValueError",
    message: "empty range for randrange() (5, 2, -3)",
  });
  assert.throws(() => r.sample([1, 2], 3), { name: "ValueError" });
  assert.throws(() => r.randrange(1.5), { message: "non-integer arg 1 for randrange()" });
});
