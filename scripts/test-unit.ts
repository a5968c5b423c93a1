/**
 * `npm run test:unit`: node's test runner over tests/unit, with two things set up once for all
 * test files:
 * - `PYTHON` is the absolute path of the python3 interpreter (asked once), so the tests that
 *   compare with CPython skip a version manager's shim (pyenv's costs over a second a launch);
 * - the files run `availableParallelism()` at a time (node's default leaves a core idle: its
 *   default is one less), since most of them wait on child processes or worker threads.
 *
 *   node scripts/test-unit.ts [more node --test arguments, e.g. a file]
 */
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

const env = { ...process.env };
const probe = spawnSync(env["PYTHON"] ?? "python3", ["-c", "import sys; print(sys.executable)"], {
  encoding: "utf8",
});
if (probe.status === 0 && probe.stdout.trim()) env["PYTHON"] = probe.stdout.trim();

const args = process.argv.slice(2);
const run = spawnSync(
  process.execPath,
  [
    "--test",
    `--test-concurrency=${Math.max(2, availableParallelism())}`,
    ...(args.length > 0 ? args : ["tests/unit/**/*.test.ts"]),
  ],
  { stdio: "inherit", env },
);
process.exit(run.status ?? 1);
