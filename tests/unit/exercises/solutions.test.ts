/**
 * Every exercise is solvable and not solved yet: run on the virtual clock as the page runs it,
 * its solution.ts passes its check and its starting main.ts fails it (with a reason).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { test } from "node:test";
import { promisify } from "node:util";

const exec = promisify(execFile);
const ROOT = "content/exercises";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));

interface Verdict {
  pass: boolean;
  reason: string;
  status: string;
  t: number;
  transcript: string;
}

async function checkProgram(id: string, file: string): Promise<Verdict> {
  const { stdout } = await exec(
    process.execPath,
    ["tests/unit/exercises/check-program.ts", id, file],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as Verdict;
}

test("there are exercises to check", () => {
  assert.ok(ids.length > 0);
});

for (const id of ids) {
  test(`${id}: has its solution and its check`, () => {
    for (const f of ["solution.ts", "check.ts"])
      assert.ok(existsSync(`${ROOT}/${id}/${f}`), `${id} has no ${f}`);
    if (existsSync(`${ROOT}/${id}/main.py`))
      assert.ok(existsSync(`${ROOT}/${id}/python.out`), `${id} has main.py but no python.out`);
  });

  test(`${id}: the solution passes its check`, async () => {
    const v = await checkProgram(id, "solution.ts");
    assert.equal(v.pass, true, `check failed on the solution: ${v.reason}\n${v.transcript}`);
    assert.ok(v.reason.length > 0);
  });

  test(`${id}: the starting program fails its check, with a reason`, async () => {
    const v = await checkProgram(id, "main.ts");
    assert.equal(
      v.pass,
      false,
      `check passed on the starting program: ${v.reason}\n${v.transcript}`,
    );
    assert.ok(v.reason.length > 0);
  });
}
