/**
 * 3.14 is recorded on Pyodide's CPython under node (scripts/python/pyodide_backend.py): it is
 * really 3.14, its key names Pyodide's version, a fresh key starts no node at all, and a
 * program listed in not_recorded.json gets no 3.14 recording. Runs the recorder on temp
 * folders; skipped when node_modules has no Pyodide of 3.14.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { PYTHON_ENV } from "../../../src/sandbox/python/python-env.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const RECORDER = join(ROOT, "scripts/record-python");
const ON_314 = ["--python", "3.14"];
const PRINTS_VERSION =
  "import asyncio, sys\n\nasync def main():\n    await asyncio.sleep(1)\n    print(sys.version_info[:2])\n\nasyncio.run(main())\n";
const NOT_RECORDED = JSON.parse(
  readFileSync(join(ROOT, "scripts/python/on_pyodide/not_recorded.json"), "utf8"),
) as Record<string, string>;

function recordPython(args: string[], env: Record<string, string> = {}) {
  return spawnSync(RECORDER, args, {
    encoding: "utf8",
    timeout: 600_000,
    env: { ...process.env, ...env },
  });
}

function withProgram(name: string, body: (root: string, dir: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), "python-pyodide-"));
  try {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, "main.py"), PRINTS_VERSION);
    body(root, dir);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("Pyodide's Python starts as record.py starts CPython (FIXED_ENV)", () => {
  const source = readFileSync(join(ROOT, "scripts/python/record.py"), "utf8");
  const fixed = /^FIXED_ENV = (\{.*\})$/m.exec(source)?.[1];
  assert.ok(fixed, "FIXED_ENV not found in record.py");
  assert.deepEqual(JSON.parse(fixed), PYTHON_ENV);
});

test("3.14 is recorded on Pyodide, keyed with its version; a fresh key starts no node", (t) => {
  withProgram("tiny", (root, dir) => {
    const run = recordPython(["--root", root, ...ON_314]);
    if (/skipped Python 3\.14/.test(run.stderr)) return t.skip("no Pyodide of 3.14 here");
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(join(dir, "python-3.14.out"), "utf8"), "[t=1.000 Task-1] (3, 14)\n");
    assert.ok(existsSync(join(dir, "python-3.14.sha256")));

    // A "node" that leaves a mark if started: with every key fresh, the check never needs it.
    const mark = join(root, "node-started");
    const fakeNode = join(root, "fake-node");
    writeFileSync(fakeNode, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
    chmodSync(fakeNode, 0o755);
    const fresh = recordPython(["--check", "--changed", "--root", root, ...ON_314], {
      NODE: fakeNode,
    });
    assert.equal(fresh.status, 0, fresh.stderr);
    assert.match(fresh.stdout, /1 transcript\(s\) still match their key \(3\.14\); recording 0$/m);
    assert.ok(!existsSync(mark), "a check with fresh keys started node");

    // A changed program is recorded again (and so Pyodide is booted, here by the fake: it fails).
    writeFileSync(join(dir, "main.py"), PRINTS_VERSION.replace("sleep(1)", "sleep(2)"));
    const stale = recordPython(["--check", "--changed", "--root", root, ...ON_314], {
      NODE: fakeNode,
    });
    assert.equal(stale.status, 1, "a changed main.py was vouched for by its old 3.14 key");
    assert.ok(existsSync(mark), "the stale recording did not go to node");
  });
});

test("a program Pyodide cannot run gets no 3.14 recording, and a stray 3.14 key fails the check", (t) => {
  const [listed] = Object.keys(NOT_RECORDED).filter((k) => !k.startsWith("//"));
  if (!listed) return t.skip("nothing is listed in not_recorded.json");
  withProgram(listed, (root, dir) => {
    const run = recordPython(["--root", root, ...ON_314]);
    if (/skipped Python 3\.14/.test(run.stderr)) return t.skip("no Pyodide of 3.14 here");
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!existsSync(join(dir, "python-3.14.sha256")), "an unrunnable program was keyed");
    writeFileSync(join(dir, "python-3.14.sha256"), "stray\n");
    const check = recordPython(["--check", "--root", root, ...ON_314]);
    assert.equal(check.status, 1, "a stray 3.14 key passed");
    assert.match(check.stderr, /python-3\.14\.sha256 should not exist/);
  });
});
