/**
 * Every exercise is solvable and not solved yet, on every Python version the runtime follows:
 * run on the virtual clock as the page runs it (each program in a fresh worker thread, a fresh
 * runtime), its solution.ts passes its check and its starting main.ts fails it (with a reason). The check runs here, on the run's data,
 * as the page runs it on the run the worker reported.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import type {
  CheckModule,
  CheckResult,
  RunResult,
} from "../../../src/playground/exercise/check-types.ts";
import {
  CHECKED_VERSIONS,
  type PythonVersion,
} from "../../../src/runtime/asyncio/python-version.ts";
import { parsedLinesOf } from "../../../src/runtime/asyncio/transcript.ts";

const ROOT = "content/exercises";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));
const pool = new FreshWorkerPool();

const compiled = new Map<string, Promise<string>>();

async function checkProgram(
  id: string,
  file: "main.ts" | "solution.ts",
  python: PythonVersion,
): Promise<CheckResult & { transcript: string }> {
  const dir = `${ROOT}/${id}`;
  const path = `${dir}/${file}`;
  if (!compiled.has(path)) compiled.set(path, compileReader(readFileSync(path, "utf8")));
  const run = await pool.run(await (compiled.get(path) as Promise<string>), { python });
  const result: RunResult = {
    status: run.end.status,
    t: run.end.t,
    lines: run.events.flatMap(parsedLinesOf),
    events: run.events,
    speed: "instant",
    compiled: true,
  };
  const check = (await import(pathToFileURL(resolve(dir, "check.ts")).href)) as CheckModule;
  return { ...check.default(result), transcript: run.transcript };
}

test("there are exercises to check", () => {
  assert.ok(ids.length > 0);
});

// The pool bounds how many programs run at once; the tests themselves all start together.
describe("every exercise: solution passes, starting program fails", { concurrency: true }, () => {
  for (const id of ids) {
    test(`${id}: has its solution and its check`, () => {
      for (const f of ["solution.ts", "check.ts"])
        assert.ok(existsSync(`${ROOT}/${id}/${f}`), `${id} has no ${f}`);
      if (existsSync(`${ROOT}/${id}/main.py`))
        assert.ok(existsSync(`${ROOT}/${id}/python.out`), `${id} has main.py but no python.out`);
    });

    for (const python of CHECKED_VERSIONS) {
      test(`${id} on ${python}: the solution passes its check`, async () => {
        const v = await checkProgram(id, "solution.ts", python);
        assert.equal(v.pass, true, `check failed on the solution: ${v.reason}\n${v.transcript}`);
        assert.ok(v.reason.length > 0);
      });

      test(`${id} on ${python}: the starting program fails its check, with a reason`, async () => {
        const v = await checkProgram(id, "main.ts", python);
        assert.equal(
          v.pass,
          false,
          `check passed on the starting program: ${v.reason}\n${v.transcript}`,
        );
        assert.ok(v.reason.length > 0);
      });
    }
  }
});
