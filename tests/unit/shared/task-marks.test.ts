import assert from "node:assert/strict";
import { test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { markTaskCreations, TASK_MARKS } from "../../../src/shared/task-marks.ts";

const { dropped, local } = TASK_MARKS;

test("a creation alone is marked dropped from the line before; its own line keeps its columns", () => {
  const js = [
    "async function main() {",
    "  asyncio.createTask(job);",
    "  void asyncio.createTask(() => job());",
    "  (0, import_asyncio.createTask)(job);",
    "  asyncio.getRunningLoop().createTask(job);",
    "  new asyncio.Task(job);",
    "}",
  ].join("\n");
  const out = markTaskCreations(js).split("\n");
  assert.deepEqual(out, [
    `async function main() { ${dropped}.value =`,
    `  asyncio.createTask(job); ${dropped}.value =`,
    `       asyncio.createTask(() => job()); ${dropped}.value =`,
    `  (0, import_asyncio.createTask)(job); ${dropped}.value =`,
    `  asyncio.getRunningLoop().createTask(job); ${dropped}.value =`,
    "  new asyncio.Task(job);",
    "}",
  ]);
});

test("a creation straight into a declaration is marked local after it", () => {
  const out = markTaskCreations(
    [
      "{",
      "  const t = asyncio.createTask(job);",
      "  let u = (0, import_asyncio.createTask)(job), v = 1;",
    ].join("\n"),
  ).split("\n");
  assert.deepEqual(out, [
    "{",
    `  const t = asyncio.createTask(job); ${local} = [t, 2];`,
    `  let u = (0, import_asyncio.createTask)(job), v = 1; ${local} = [u, 3];`,
  ]);
});

test("creations inside expressions, continued lines and comments are left alone", () => {
  const js = [
    "const tasks = [",
    "  asyncio.createTask(a),",
    "  asyncio.createTask(b)",
    "];",
    "// asyncio.createTask(c);",
    "keep.push(asyncio.createTask(d));",
    "const n = asyncio.createTask(e).getName() +",
    "  asyncio.createTask(f).getName();",
  ].join("\n");
  assert.equal(markTaskCreations(js), js);
});

test("the compiled program carries the marks (esbuild's output is what gets marked)", async () => {
  const code = await compileReader(
    [
      'import * as asyncio from "asyncio";',
      "async function job() {}",
      "async function main() {",
      "  asyncio.createTask(job);",
      "  const t = asyncio.createTask(job);",
      "  await t;",
      "}",
      "asyncio.run(main);",
    ].join("\n"),
  );
  assert.match(code, new RegExp(`{ ${dropped}\\.value =\\n  asyncio\\.createTask\\(job\\);\\n`));
  assert.match(
    code,
    new RegExp(`const t = asyncio\\.createTask\\(job\\); ${local} = \\[t, \\d+\\];\\n`),
  );
});
