/**
 * The build reads one recording per CPython version: python.out is 3.11's, a version with a key
 * was recorded and printed its own python-3.X.out or, without one, python.out; and it marks the
 * lines another version prints differently. Also: the committed examples that differ have
 * their files, and every example was recorded on every offered version.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  differingLines,
  missingRecordings,
  pythonRecordings,
} from "../../../src/lib/python-recordings.ts";
import { compareVersions } from "../../../src/shared/python-versions.ts";

function folderWith(files: Record<string, string>, body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "python-recordings-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("each keyed version, oldest first; a version without its own file printed python.out (and traced python.trace)", () => {
  folderWith(
    {
      "python.out": "A\n",
      "python.trace": "a",
      "python.out.sha256": "k\n",
      "python-3.13.out": "C\n",
      "python-3.13.sha256": "k\n",
      "python-3.12.trace": "b",
      "python-3.12.sha256": "k\n",
      // A file with no key was never recorded by the recorder: not a version offered.
      "python-3.14.out": "D\n",
    },
    (dir) => {
      assert.deepEqual(pythonRecordings(dir), [
        // Task events, like transcripts, are a version's own only where they differ.
        { version: "3.11", out: "A\n", trace: "a" },
        { version: "3.12", out: "A\n", trace: "b" },
        { version: "3.13", out: "C\n", trace: "a" },
      ]);
    },
  );
});

test("no python.out, no recordings; only python.out, 3.11 alone", () => {
  folderWith({}, (dir) => assert.deepEqual(pythonRecordings(dir), []));
  folderWith({ "python.out": "A\n" }, (dir) =>
    assert.deepEqual(pythonRecordings(dir), [{ version: "3.11", out: "A\n", trace: null }]),
  );
});

test("the lines marked are those another version prints differently or not at all", () => {
  assert.deepEqual([...differingLines("a\nb\nc\n", ["a\nB\nc\n"])], [1]);
  assert.deepEqual([...differingLines("a\nb\nc\n", ["a\nb\n"])], [2]);
  assert.deepEqual([...differingLines("a\nb\n", ["a\nb\n", "x\nb\n"])], [0]);
  assert.deepEqual([...differingLines("a\n", [])], []);
});

test("versions sort numerically", () => {
  assert.deepEqual(["3.13", "3.9", "3.11"].sort(compareVersions), ["3.9", "3.11", "3.13"]);
});

test("every example and exercise was recorded on each version that has a key anywhere", () => {
  const folders = ["content/examples", "content/exercises"].flatMap((root) =>
    readdirSync(root)
      .map((id) => join(root, id))
      .filter((dir) => existsSync(join(dir, "main.py"))),
  );
  const versions = new Set(folders.flatMap((dir) => pythonRecordings(dir).map((r) => r.version)));
  assert.ok(versions.size > 1, "only one version recorded");
  for (const dir of folders) {
    const have = pythonRecordings(dir).map((r) => r.version);
    // Less only what its program cannot be recorded on (3.14 on Pyodide: no threads), said why.
    const missing = new Set(missingRecordings(dir).map((m) => m.version));
    const expected = [...versions].filter((v) => !missing.has(v)).sort(compareVersions);
    assert.deepEqual(have, expected, `${dir} lacks a version`);
  }
});

test("a program Pyodide cannot run lacks exactly the Pyodide version, with its reason", (t) => {
  const listed = Object.entries(
    JSON.parse(readFileSync("scripts/python/on_pyodide/not_recorded.json", "utf8")) as Record<
      string,
      string
    >,
  ).filter(([k]) => !k.startsWith("//") && !k.includes("/"));
  assert.deepEqual(missingRecordings("content/examples/hello-gather"), []);
  // Threads, process pools and signals run on Pyodide since pyodide_threads.py and its kin.
  assert.deepEqual(missingRecordings("content/examples/thr-to-thread"), []);
  const [first] = listed;
  if (!first) return t.skip("nothing is listed in not_recorded.json");
  const [id, reason] = first;
  const dir = existsSync(`content/examples/${id}`)
    ? `content/examples/${id}`
    : `content/exercises/${id}`;
  assert.deepEqual(missingRecordings(dir), [{ version: "3.14", reason }]);
  assert.ok(!pythonRecordings(dir).some((r) => r.version === "3.14"));
});
