/**
 * An exercise shows its Python beside its TypeScript (the starting program, and the solution once
 * solved), so the two must be the same program: the starting main.ts prints its main.py's
 * recorded python.out, and solution.ts prints what CPython records for solution.py now. Each
 * program runs as the page runs it, in a fresh worker thread on the virtual clock.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import { hasPython, python } from "../runtime/helpers.ts";

const ROOT = "content/exercises";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));
const pool = new FreshWorkerPool();

/**
 * Starting programs whose TypeScript prints differently on purpose, and why; the exercise's text
 * says so to the reader. Each must still differ, so the list cannot outlive its reason.
 */
const STARTS_DIFFER: Record<string, string> = {
  "coro-forgot-await":
    "the un-awaited call: a JavaScript async function starts when called and prints its first " +
    "line, a Python coroutine never starts",
};

async function transcriptOf(path: string): Promise<string> {
  const run = await pool.run(await compileReader(readFileSync(path, "utf8")));
  return run.transcript;
}

describe("every exercise's TypeScript prints what its Python prints", { concurrency: true }, () => {
  for (const id of ids) {
    const dir = `${ROOT}/${id}`;
    test(`${id}: the starting main.ts prints main.py's python.out`, async (t) => {
      if (!existsSync(`${dir}/main.py`)) return t.skip("no main.py");
      const expected = readFileSync(`${dir}/python.out`, "utf8");
      const actual = await transcriptOf(`${dir}/main.ts`);
      const why = STARTS_DIFFER[id];
      if (why)
        assert.notEqual(actual, expected, `listed as differing (${why}) but prints the same`);
      else assert.equal(actual, expected);
    });

    test(`${id}: solution.ts prints what CPython records for solution.py`, async (t) => {
      if (!existsSync(`${dir}/solution.py`)) return t.skip("no solution.py");
      if (!hasPython()) return t.skip("python3 >= 3.11 not found");
      const [expected, actual] = await Promise.all([
        python(readFileSync(`${dir}/solution.py`, "utf8")),
        transcriptOf(`${dir}/solution.ts`),
      ]);
      assert.equal(actual, expected);
    });
  }
});

test("every listed difference names an exercise that exists", () => {
  for (const id of Object.keys(STARTS_DIFFER)) assert.ok(ids.includes(id), id);
});
