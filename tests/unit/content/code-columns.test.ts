import assert from "node:assert/strict";
import { test } from "node:test";
import {
  COLUMN_BUCKETS,
  columnBucket,
  FOLD_OVER,
  folds,
  lineCount,
  longestLine,
} from "../../../src/lib/code-columns.ts";

test("longestLine takes the longest line of all sources, tabs as four columns", () => {
  assert.equal(longestLine("ab\nabcdef\n", null, "\tx"), 6);
  assert.equal(longestLine("\t\tx"), 9);
  assert.equal(longestLine(null), 0);
});

test("longestLine counts characters, not UTF-16 units", () => {
  assert.equal(longestLine("print('🙂')"), 10); // 11 UTF-16 units
});

test("columnBucket is the smallest bucket that holds the line, or the widest", () => {
  assert.equal(columnBucket(10), 48);
  assert.equal(columnBucket(48), 48);
  assert.equal(columnBucket(49), 56);
  assert.equal(columnBucket(88), 88);
  assert.equal(columnBucket(112), 88);
  for (const b of COLUMN_BUCKETS) assert.equal(columnBucket(b), b);
});

test("lineCount ignores trailing blank lines; folds only past FOLD_OVER", () => {
  assert.equal(lineCount("a\nb\n\n\n"), 2);
  assert.equal(folds(FOLD_OVER), false);
  assert.equal(folds(FOLD_OVER + 1), true);
});
