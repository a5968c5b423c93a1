import assert from "node:assert/strict";
import { test } from "node:test";
import { rememberingMap } from "../../../../src/playground/example/reader-error.ts";

test("rememberingMap asks the map once per position, including positions it cannot map", () => {
  const asked: string[] = [];
  const map = rememberingMap((line, column) => {
    asked.push(`${line}:${column}`);
    return line > 100 ? null : { line: line - 10, column };
  });
  for (let i = 0; i < 1000; i++) assert.deepEqual(map(13, 5), { line: 3, column: 5 });
  assert.equal(map(200, 1), null);
  assert.equal(map(200, 1), null);
  assert.deepEqual(map(14, 2), { line: 4, column: 2 });
  assert.deepEqual(asked, ["13:5", "200:1", "14:2"]);
});
