/**
 * Recordings on every offered Python (scripts/python/python_versions.py): python.out is 3.11's,
 * python-3.X.out exists only where 3.X prints something else, each version has its own key
 * holding its exact version, and a version not installed is skipped with a note, not failed.
 * Runs the recorder on temp folders; versions missing on this machine skip their tests.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { RUNTIME_PYTHON } from "../../../src/shared/python-versions.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const RECORDER = join(ROOT, "scripts/record-python");

function recordPython(args: string[], env: Record<string, string> = {}) {
  return spawnSync(RECORDER, args, {
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
}

/** A temp examples folder holding one program, `tiny/main.py`. */
function withProgram(source: string, body: (root: string, dir: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), "python-versions-"));
  try {
    const dir = join(root, "tiny");
    mkdirSync(dir);
    writeFileSync(join(dir, "main.py"), source);
    body(root, dir);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const PRINTS_VERSION =
  "import asyncio, sys\n\nasync def main():\n    await asyncio.sleep(1)\n    print(sys.version_info[:2])\n\nasyncio.run(main())\n";
const SAME_EVERYWHERE =
  "import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n";
const ON_BOTH = ["--python", "3.11", "--python", "3.12"];

/** Skips the test when the recorder found no 3.11 or no 3.12 here. */
function skippedVersion(run: { stderr: string }): string | null {
  return /skipped Python (3\.1[12]): not installed/.exec(run.stderr)?.[1] ?? null;
}

test("the page's runtime version is the recorder's base version (python.out)", () => {
  const source = readFileSync(join(ROOT, "scripts/python/python_versions.py"), "utf8");
  assert.equal(/^BASE = "([\d.]+)"$/m.exec(source)?.[1], RUNTIME_PYTHON);
});

test("a version that prints something else gets its own file; its key names its version", (t) => {
  withProgram(PRINTS_VERSION, (root, dir) => {
    const run = recordPython(["--root", root, ...ON_BOTH]);
    const missing = skippedVersion(run);
    if (missing) return t.skip(`Python ${missing} is not installed here`);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(join(dir, "python.out"), "utf8"), "[t=1.000 Task-1] (3, 11)\n");
    assert.equal(readFileSync(join(dir, "python-3.12.out"), "utf8"), "[t=1.000 Task-1] (3, 12)\n");
    assert.ok(existsSync(join(dir, "python.out.sha256")));
    assert.ok(existsSync(join(dir, "python-3.12.sha256")));

    const edited = "[t=1.000 Task-1] (3, 13)\n";
    writeFileSync(join(dir, "python-3.12.out"), edited);
    const check = recordPython(["--check", "--changed", "--root", root, ...ON_BOTH]);
    assert.equal(check.status, 1, "a hand-edited python-3.12.out passed");
    assert.match(check.stderr, /tiny\/python-3\.12\.out is stale/);
    assert.match(
      check.stdout,
      /1 transcript\(s\) still match their key \(3\.11, 3\.12\); recording 1/,
    );
    assert.equal(readFileSync(join(dir, "python-3.12.out"), "utf8"), edited, "--check wrote");
  });
});

test("a version that prints the same has a key but no file; a redundant file fails the check", (t) => {
  withProgram(SAME_EVERYWHERE, (root, dir) => {
    const run = recordPython(["--root", root, ...ON_BOTH]);
    const missing = skippedVersion(run);
    if (missing) return t.skip(`Python ${missing} is not installed here`);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!existsSync(join(dir, "python-3.12.out")), "3.12 printed the same, yet has a file");
    const base = readFileSync(join(dir, "python.out.sha256"), "utf8").split(" ");
    const other = readFileSync(join(dir, "python-3.12.sha256"), "utf8").split(" ");
    assert.notEqual(other[0], base[0], "the key of the inputs leaves out the Python version");
    assert.equal(other[1], base[1], "the same transcript hashes alike");

    writeFileSync(join(dir, "python-3.12.out"), readFileSync(join(dir, "python.out")));
    const check = recordPython(["--check", "--root", root, ...ON_BOTH]);
    assert.equal(check.status, 1, "a python-3.12.out equal to python.out passed");
    assert.match(check.stderr, /tiny\/python-3\.12\.out is redundant/);
    assert.equal(recordPython(["--root", root, ...ON_BOTH]).status, 0);
    assert.ok(!existsSync(join(dir, "python-3.12.out")), "recording kept the redundant file");
  });
});

test("a new python.out re-records the other versions of that example", (t) => {
  withProgram(SAME_EVERYWHERE, (root, dir) => {
    const run = recordPython(["--root", root, ...ON_BOTH]);
    const missing = skippedVersion(run);
    if (missing) return t.skip(`Python ${missing} is not installed here`);
    writeFileSync(join(dir, "main.py"), PRINTS_VERSION);
    const again = recordPython(["--changed", "--root", root, ...ON_BOTH]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(
      again.stdout,
      /0 transcript\(s\) still match their key \(3\.11, 3\.12\); recording 2/,
    );
    assert.equal(readFileSync(join(dir, "python-3.12.out"), "utf8"), "[t=1.000 Task-1] (3, 12)\n");
  });
});

test("a version not installed is skipped with a note, not failed", () => {
  withProgram(SAME_EVERYWHERE, (root, dir) => {
    const missing = join(root, "no-such-python3.12");
    const run = recordPython(["--root", root, ...ON_BOTH], { PYTHON3_12: missing });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /skipped Python 3\.12: not installed here/);
    assert.ok(existsSync(join(dir, "python.out")), "the version that is here was not recorded");
    assert.ok(!existsSync(join(dir, "python-3.12.sha256")), "a skipped version was keyed");
    const check = recordPython(["--check", "--root", root, ...ON_BOTH], { PYTHON3_12: missing });
    assert.equal(check.status, 0, check.stderr);
  });
});
