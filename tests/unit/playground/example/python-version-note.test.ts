import assert from "node:assert/strict";
import { test } from "node:test";
import { minorOf, versionNote } from "../../../../src/playground/example/python-version-note.ts";

test("the panel says nothing when Pyodide runs a version whose recording it shows", () => {
  assert.equal(minorOf("3.13.2"), "3.13");
  assert.equal(versionNote("3.13.2", ["3.13"]), "");
  assert.equal(versionNote("3.13.2", ["3.11", "3.12", "3.13"]), "");
});

test("the panel says which Python Run Python runs where it shows another version's recording", () => {
  const note = versionNote("3.14.0", ["3.13"]);
  assert.match(note, /runs 3\.14\.0/);
  assert.match(note, /CPython 3\.13's output/);
  assert.match(versionNote("3.13.2", ["3.11"]), /3\.13\.2.*3\.11/);
});
