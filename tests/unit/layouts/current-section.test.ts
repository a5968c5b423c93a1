import assert from "node:assert/strict";
import { test } from "node:test";

import { currentSection } from "../../../src/layouts/current-section.ts";

test("the current section is the last heading at or above the line", () => {
  assert.equal(currentSection([-500, -20, 300], 60), 1);
  assert.equal(currentSection([-500, 60, 300], 60), 1);
  assert.equal(currentSection([-500, -200, -100], 60), 2);
});

test("above the first heading, the first section is current", () => {
  assert.equal(currentSection([400, 900], 60), 0);
  assert.equal(currentSection([], 60), 0);
});
