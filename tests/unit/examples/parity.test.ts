/**
 * Parity with CPython: every example's TypeScript twin, run as the page runs it (same compile
 * options, globals and runtime) on the virtual clock, prints exactly its recorded python.out.
 * Each twin runs in a fresh worker thread (a fresh runtime), as each page run gets a fresh
 * worker; all twins are compiled up front on one esbuild service.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";

const ROOT = "content/examples";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));
const compiled = new Map(
  ids.map((id) => [id, compileReader(readFileSync(`${ROOT}/${id}/main.ts`, "utf8"))]),
);
const pool = new FreshWorkerPool();

test("there are examples to check", () => {
  assert.ok(ids.length > 0);
});

// The pool bounds how many run at once; the tests themselves all start together.
describe("every twin prints its python.out", { concurrency: true }, () => {
  for (const id of ids) {
    test(`${id}: the TypeScript twin prints CPython's transcript`, async () => {
      const expected = readFileSync(`${ROOT}/${id}/python.out`, "utf8");
      const run = await pool.run(await (compiled.get(id) as Promise<string>));
      assert.equal(run.transcript, expected);
    });
  }
});
