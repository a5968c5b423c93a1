/**
 * `.ci/run` hands `npm test` BUSY_CORES (which scripts/e2e.ts turns into that many busy
 * processes for the end-to-end step): 0 unless the caller sets it, since npm test must stay
 * within 10 minutes, and `BUSY_CORES=2 bash .ci/run` for the run under load. Checked by running `.ci/run` with a stand-in `npm` that records how it was
 * called, so nothing is installed or tested for real.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";

/**
 * Runs .ci/run with `npm` standing in, with this process's environment less any BUSY_CORES (the
 * unit tests themselves run under CI's), plus `env`; each npm call as `<args> BUSY_CORES=<v>`.
 */
function npmCallsOfCiRun(env: Record<string, string>): string[] {
  const { BUSY_CORES: _, ...inherited } = process.env;
  const dir = mkdtempSync(join(tmpdir(), "ci-run-"));
  try {
    const log = join(dir, "npm.log");
    const npm = join(dir, "npm");
    writeFileSync(
      npm,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo 10.0.0; exit 0; fi\necho "$* BUSY_CORES=\${BUSY_CORES-unset}" >> "${log}"\n`,
    );
    chmodSync(npm, 0o755);
    const run = spawnSync("bash", [".ci/run"], {
      encoding: "utf8",
      env: {
        ...inherited,
        ...env,
        PATH: `${dir}:${dirname(process.execPath)}:${process.env["PATH"] ?? ""}`,
        // Any existing file: .ci/run then leaves Chromium alone.
        PLAYWRIGHT_CHROMIUM: process.execPath,
      },
    });
    assert.equal(run.status, 0, run.stderr);
    return readFileSync(log, "utf8").trim().split("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("CI runs npm test unloaded by default", () => {
  const calls = npmCallsOfCiRun({});
  assert.deepEqual(calls, ["ci --no-audit --no-fund BUSY_CORES=unset", "test BUSY_CORES=0"]);
});

test("BUSY_CORES given to .ci/run wins (2 runs the end-to-end step with both cores pinned)", () => {
  assert.deepEqual(npmCallsOfCiRun({ BUSY_CORES: "2" }).at(-1), "test BUSY_CORES=2");
});
