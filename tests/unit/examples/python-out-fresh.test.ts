/**
 * Every example's (and exercise's) transcripts are CPython's output of its main.py as recorded
 * now, on every offered version installed here (python.out for 3.11, python-3.X.out where 3.X
 * differs), and an exercise's solution.py's likewise (solution.out, solution-3.X.out):
 * `scripts/record-python --check --changed` must pass. It records again every example whose
 * key (python.out.sha256: main.py, the recorder, the Python version, python.out's own hash)
 * no longer matches, so a change to the recorder or to Python re-records all of them, and a
 * hand-edited python.out is always caught. Also proves the check can fail, on a temp copy.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../../..");
const EXAMPLES = join(ROOT, "content/examples");
const RECORDER = join(ROOT, "scripts/record-python");

function recordPython(args: string[]) {
  return spawnSync(RECORDER, args, { encoding: "utf8", timeout: 300_000 });
}

/**
 * The temp-folder checks below are about --check and --changed, the same on every version: they
 * run on the CPython versions only, so they do not boot Pyodide (3.14) each time;
 * python-pyodide.test.ts checks 3.14's recording and keys once.
 */
const ON_CPYTHON = (() => {
  const source = readFileSync(join(ROOT, "scripts/python/python_versions.py"), "utf8");
  const list = (name: string) =>
    [
      ...(new RegExp(`^${name} = \\(([^)]*)\\)`, "m").exec(source)?.[1] ?? "").matchAll(
        /"(3\.\d+)"/g,
      ),
    ].map((m) => m[1] ?? "");
  const pyodide = list("ON_PYODIDE");
  return list("OFFERED")
    .filter((v) => !pyodide.includes(v))
    .flatMap((v) => ["--python", v]);
})();

const ids = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith(".") && !d.name.startsWith("_"))
  .map((d) => d.name)
  .sort();

test("there are examples to check", () => {
  assert.ok(ids.length > 0, `no example folders under ${EXAMPLES}`);
});

for (const id of ids) {
  test(`${id} has a python.out`, () => {
    assert.ok(existsSync(join(EXAMPLES, id, "python.out")), `run: scripts/record-python ${id}`);
  });
}

test("every transcript, on every Python found here, matches a fresh recording (scripts/record-python --check --changed)", () => {
  const run = recordPython(["--check", "--changed"]);
  assert.equal(run.status, 0, `${run.stderr}\nrefresh with: scripts/record-python`);
});

test("--check fails on a stale or missing python.out, and writes nothing", () => {
  const root = mkdtempSync(join(tmpdir(), "python-out-fresh-"));
  try {
    const dir = join(root, "tiny");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "main.py"),
      "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print('hi')\n\nasyncio.run(main())\n",
    );
    const out = join(dir, "python.out");

    assert.equal(
      recordPython(["--check", "--root", root, ...ON_CPYTHON]).status,
      1,
      "missing python.out passed",
    );
    assert.match(
      recordPython(["--check", "--root", root, ...ON_CPYTHON]).stderr,
      /tiny\/python\.out is missing/,
    );
    assert.ok(!existsSync(out), "--check wrote a file");

    const write = recordPython(["--root", root, ...ON_CPYTHON]);
    assert.equal(write.status, 0, write.stderr);
    assert.equal(readFileSync(out, "utf8"), "[t=1.000 Task-1] hi\n");
    assert.equal(recordPython(["--check", "--root", root, ...ON_CPYTHON]).status, 0);

    const stale = "[t=2.000 Task-1] hi\n";
    writeFileSync(out, stale);
    const check = recordPython(["--check", "--root", root, ...ON_CPYTHON]);
    assert.equal(check.status, 1, "a stale python.out passed --check");
    assert.match(check.stderr, /tiny\/python\.out is stale/);
    assert.match(check.stderr, /^-\[t=2\.000 Task-1\] hi$/m);
    assert.match(check.stderr, /^\+\[t=1\.000 Task-1\] hi$/m);
    assert.equal(readFileSync(out, "utf8"), stale, "--check rewrote python.out");
    const keyed = recordPython(["--check", "--changed", "--root", root, ...ON_CPYTHON]);
    assert.equal(keyed.status, 1, "an edited python.out passed --check --changed");
    assert.match(keyed.stderr, /tiny\/python\.out is stale/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--changed skips only what its key vouches for: main.py, recorder and python.out unchanged", () => {
  const root = mkdtempSync(join(tmpdir(), "python-out-keyed-"));
  try {
    const dir = join(root, "tiny");
    mkdirSync(dir);
    const main = join(dir, "main.py");
    writeFileSync(main, "import asyncio\n\nasyncio.run(asyncio.sleep(1))\nprint('after')\n");
    assert.equal(recordPython(["--root", root, ...ON_CPYTHON]).status, 0);
    assert.ok(existsSync(join(dir, "python.out.sha256")), "recording wrote no key");

    const skipped = recordPython(["--check", "--changed", "--root", root, ...ON_CPYTHON]);
    assert.equal(skipped.status, 0, skipped.stderr);
    // One transcript per version found here, each vouched for by its own key.
    const kept = /(\d+) transcript\(s\) still match their key \(([\d., ]+)\); recording 0$/m.exec(
      skipped.stdout,
    );
    assert.ok(kept, skipped.stdout);
    assert.equal(Number(kept[1]), String(kept[2]).split(", ").length);

    writeFileSync(main, "import asyncio\n\nasyncio.run(asyncio.sleep(2))\nprint('after')\n");
    const edited = recordPython(["--check", "--changed", "--root", root, ...ON_CPYTHON]);
    assert.equal(edited.status, 1, "an edited main.py was vouched for by its old key");
    assert.match(edited.stderr, /^\+\[t=2\.000\] after$/m);

    assert.equal(recordPython(["--changed", "--root", root, ...ON_CPYTHON]).status, 0);
    rmSync(join(dir, "python.out.sha256"));
    const unkeyed = recordPython(["--check", "--changed", "--root", root, ...ON_CPYTHON]);
    assert.equal(unkeyed.status, 0, unkeyed.stderr);
    // Without 3.11's key, 3.11 is recorded again, and so every version of it.
    const redone = /0 transcript\(s\) still match their key \(([\d., ]+)\); recording (\d+)$/m.exec(
      unkeyed.stdout,
    );
    assert.ok(redone, unkeyed.stdout);
    assert.equal(Number(redone[2]), String(redone[1]).split(", ").length);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an exercise's solution.py is recorded and keyed beside main.py, and an edit to it is caught", () => {
  const root = mkdtempSync(join(tmpdir(), "python-out-solution-"));
  try {
    const dir = join(root, "tiny");
    mkdirSync(dir);
    const program = (seconds: number) =>
      `import asyncio\n\nasync def main():\n    await asyncio.sleep(${seconds})\n    print('done')\n\nasyncio.run(main())\n`;
    writeFileSync(join(dir, "main.py"), program(1));
    const solution = join(dir, "solution.py");
    writeFileSync(solution, program(2));
    const write = recordPython(["--root", root, ...ON_CPYTHON]);
    assert.equal(write.status, 0, write.stderr);
    assert.equal(readFileSync(join(dir, "solution.out"), "utf8"), "[t=2.000 Task-1] done\n");
    assert.ok(existsSync(join(dir, "solution.out.sha256")), "no key for solution.out");
    // Nothing reads a solution's task events: none are kept.
    assert.ok(!existsSync(join(dir, "solution.trace")), "a solution's trace was kept");

    const kept = recordPython(["--check", "--changed", "--root", root, ...ON_CPYTHON]);
    assert.equal(kept.status, 0, kept.stderr);
    assert.match(kept.stdout, /; recording 0$/m);

    writeFileSync(solution, program(3));
    const edited = recordPython(["--check", "--changed", "--root", root, ...ON_CPYTHON]);
    assert.equal(edited.status, 1, "an edited solution.py was vouched for by its old key");
    assert.match(edited.stderr, /tiny\/solution\.out is stale/);
    assert.match(edited.stderr, /^\+\[t=3\.000 Task-1\] done$/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
