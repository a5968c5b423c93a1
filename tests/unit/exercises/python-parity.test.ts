/**
 * An exercise shows its Python beside its TypeScript (the starting program, and the solution once
 * solved), so the two must be the same program on every version offered: run with the runtime
 * following each version, the starting main.ts prints that version's recording of main.py, and
 * solution.ts prints that version's recording of solution.py (`solution.out`, `solution-3.X.out`:
 * recorded and keyed as main.py's are, so `python-out-fresh.test.ts` fails when a recording is
 * not what CPython prints for today's solution.py, recorder and Python; `scripts/python/README.md`,
 * "Keys"). Each program is compiled once and runs as the page runs it, in a fresh worker thread
 * on the virtual clock.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import { missingRecordings, pythonRecordings } from "../../../src/lib/python-recordings.ts";
import {
  isPythonVersion,
  type PythonVersion,
} from "../../../src/runtime/asyncio/python-version.ts";

const ROOT = "content/exercises";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));
const pool = new FreshWorkerPool();
/** The versions the recorder offers (python_versions.py OFFERED). */
const OFFERED_VERSIONS = offeredVersions();

function offeredVersions(): PythonVersion[] {
  const source = readFileSync("scripts/python/python_versions.py", "utf8");
  const list = /^OFFERED = \(([^)]*)\)/m.exec(source)?.[1] ?? "";
  return [...list.matchAll(/"(3\.\d+)"/g)].map((m) => m[1] ?? "").filter(isPythonVersion);
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

async function transcriptOf(code: Promise<string>, python: PythonVersion): Promise<string> {
  const run = await pool.run(await code, { python });
  return run.transcript;
}

describe("every exercise's TypeScript prints what its Python prints, on every version", {
  concurrency: true,
}, () => {
  for (const id of ids) {
    const dir = `${ROOT}/${id}`;
    // One compile per program; the version is a run option.
    const main = compileReader(readFileSync(`${dir}/main.ts`, "utf8"));
    const solution = existsSync(`${dir}/solution.ts`)
      ? compileReader(readFileSync(`${dir}/solution.ts`, "utf8"))
      : null;
    for (const { version, out } of pythonRecordings(dir)) {
      test(`${id} on ${version}: the starting main.ts prints main.py's recording`, async () => {
        assert.ok(isPythonVersion(version), version);
        const actual = await transcriptOf(main, version);
        const why = STARTS_DIFFER[id];
        if (why) assert.notEqual(actual, out, `listed as differing (${why}) but prints the same`);
        else assert.equal(actual, out);
      });
    }

    const solved = pythonRecordings(dir, "solution.py");
    for (const version of OFFERED_VERSIONS)
      test(`${id} on ${version}: solution.ts prints CPython ${version}'s recording of solution.py`, async (t) => {
        if (!existsSync(`${dir}/solution.py`) || solution === null) return t.skip("no solution.py");
        // A program Pyodide cannot run (3.14 there: no threads, no signals) has no 3.14 at all.
        const unrunnable = missingRecordings(dir, "solution.py").find((m) => m.version === version);
        if (unrunnable) return t.skip(`not recorded on ${version}: ${unrunnable.reason}`);
        const recorded = solved.find((r) => r.version === version);
        assert.ok(
          recorded,
          `solution.py is not recorded on ${version}: scripts/record-python ${id}`,
        );
        assert.equal(await transcriptOf(solution, version), recorded.out);
      });
  }
});

test("every listed difference names an exercise that exists", () => {
  for (const id of Object.keys(STARTS_DIFFER)) assert.ok(ids.includes(id), id);
});
