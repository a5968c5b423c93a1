import assert from "node:assert/strict";
import { test } from "node:test";
import { copyText, outputLineText } from "../../../src/playground/line-copy.ts";

test("one output line is its cells on one line, two spaces apart", () => {
  assert.equal(
    outputLineText(["+1.000s", "Task-2", "Goodbye Alice"]),
    "+1.000s  Task-2  Goodbye Alice",
  );
});

test("empty cells (an error line has no task) leave no gap", () => {
  assert.equal(outputLineText(["+2.000s", "", "ValueError: boom"]), "+2.000s  ValueError: boom");
});

test("several lines are one line each", () => {
  assert.equal(
    copyText([
      ["+0.000s", "Task-2", "Hello"],
      ["+1.000s", "Task-2", "Bye"],
    ]),
    "+0.000s  Task-2  Hello\n+1.000s  Task-2  Bye",
  );
});
