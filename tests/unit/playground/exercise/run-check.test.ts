import assert from "node:assert/strict";
import { test } from "node:test";
import { checkMessage, runCheck } from "../../../../src/playground/exercise/run-check.ts";
import { runOf } from "./run-of.ts";

const passing = () => ({ pass: true, reason: "all five printed" });
const failing = () => ({ pass: false, reason: "the run took 3 s; it should finish by 1 s" });

test("a check's verdict becomes the status line", () => {
  assert.equal(checkMessage(runCheck(passing, runOf([], 1))), "Check passed: all five printed.");
  assert.equal(
    checkMessage(runCheck(failing, runOf([], 3))),
    "Check failed: the run took 3 s; it should finish by 1 s.",
  );
});

test("a stopped run is not judged", () => {
  const v = runCheck(passing, runOf([], 1, "stopped"));
  assert.equal(v.state, "skipped");
  assert.match(checkMessage(v), /^Not checked: /);
});

test("a check that throws reports itself instead of breaking the page", () => {
  const v = runCheck(
    () => {
      throw new Error("oops");
    },
    runOf([], 1),
  );
  assert.equal(v.state, "error");
  assert.match(checkMessage(v), /^Check error: the check itself failed \(Error: oops\)\.$/);
});
