import assert from "node:assert/strict";
import { test } from "node:test";
import { t } from "../../../src/playground/strings.ts";

test("t() fills named parameters and leaves unknown ones visible", () => {
  assert.equal(t("run.finished", { seconds: "3.002s" }), "Finished in 3.002s");
  assert.equal(t("verdict.same-drift", { ms: 35 }), "Same as Python ✓, timing drift ±35 ms");
  assert.equal(t("run.finished"), "Finished in {seconds}");
});
