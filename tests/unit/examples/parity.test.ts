/**
 * Parity with CPython: every example's TypeScript twin, run as the page runs it (same compile
 * options, globals and runtime) on the virtual clock, prints exactly its recorded python.out.
 * Each example runs in its own node process, as each page run gets a fresh worker.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = "content/examples";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));

test("there are examples to check", () => {
  assert.ok(ids.length > 0);
});

for (const id of ids) {
  test(`${id}: the TypeScript twin prints CPython's transcript`, async () => {
    const expected = readFileSync(`${ROOT}/${id}/python.out`, "utf8");
    const { stdout } = await run(process.execPath, ["scripts/run-example.ts", id], {
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.equal(stdout, expected);
  });
}
