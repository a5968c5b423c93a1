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
import { missingRecordings } from "../../../src/lib/python-recordings.ts";
import { hasPython, python, pythonOn } from "../runtime/helpers.ts";

const ROOT = "content/exercises";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));
const pool = new FreshWorkerPool();
/** The versions offered besides 3.11, the one the runtime follows (python_versions.py OFFERED). */
const NEWER_VERSIONS = offeredVersions().filter((v) => v !== "3.11");

function offeredVersions(): string[] {
  const source = readFileSync("scripts/python/python_versions.py", "utf8");
  const list = /^OFFERED = \(([^)]*)\)/m.exec(source)?.[1] ?? "";
  return [...list.matchAll(/"(3\.\d+)"/g)].map((m) => m[1] ?? "");
}

/**
 * Starting programs whose TypeScript prints differently on purpose, and why; the exercise's text
 * says so to the reader. Each must still differ, so the list cannot outlive its reason.
 */
const STARTS_DIFFER: Record<string, string> = {
  "coro-forgot-await":
    "the un-awaited call: a JavaScript async function starts when called and prints its first " +
    "line, a Python coroutine never starts",
};

/**
 * Solutions whose Python prints differently on a newer CPython, and why; the exercise's text
 * says so. Each must still differ there, so the list cannot outlive its reason.
 */
const SOLUTIONS_DIFFER: Record<string, string> = {
  "bridge-give-up-in-time":
    "since 3.12, wait_for runs the coroutine in the awaiting task, so the cancelled report " +
    "prints as Task-1 instead of Task-2",
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

    // The solution's Python is shown to readers of every version the site offers: it must
    // print the same there (a version that differs would need its own transcript beside it).
    for (const version of NEWER_VERSIONS)
      test(`${id}: solution.py prints the same on CPython ${version}`, async (t) => {
        if (!existsSync(`${dir}/solution.py`)) return t.skip("no solution.py");
        // A program Pyodide cannot run (3.14 there: no threads, no signals) has no 3.14 at all.
        const unrunnable = missingRecordings(dir, "solution.py").find((m) => m.version === version);
        if (unrunnable) return t.skip(`not recorded on ${version}: ${unrunnable.reason}`);
        const source = readFileSync(`${dir}/solution.py`, "utf8");
        const newer = pythonOn(version, source);
        if (newer === null) return t.skip(`python${version} not found`);
        const [there, base] = await Promise.all([newer, python(source)]);
        const why = SOLUTIONS_DIFFER[id];
        if (why) assert.notEqual(there, base, `listed as differing (${why}) but prints the same`);
        else assert.equal(there, base);
      });
  }
});

test("every listed difference names an exercise that exists", () => {
  for (const id of [...Object.keys(STARTS_DIFFER), ...Object.keys(SOLUTIONS_DIFFER)])
    assert.ok(ids.includes(id), id);
});
