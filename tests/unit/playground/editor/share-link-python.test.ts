import assert from "node:assert/strict";
import { test } from "node:test";
import { pythonEditId } from "../../../../src/playground/editor/python-links.ts";
import { linkForPython, linkForTypeScript } from "../../../../src/playground/editor/share-link.ts";

const TS = "print('ts')";

test("a link with Python gives each side its own code; the Python is kept under its own id", () => {
  const link = {
    kind: "shared",
    exampleId: "hello",
    code: "edited ts",
    python: "print(2)",
  } as const;
  assert.equal(linkForTypeScript(link, TS), link);
  assert.deepEqual(linkForPython(link, "hello"), {
    kind: "shared",
    exampleId: pythonEditId("hello"),
    code: "print(2)",
  });
  assert.notEqual(pythonEditId("hello"), "hello");
});

test("a link that shares only Python leaves the TypeScript side alone", () => {
  const link = { kind: "shared", exampleId: "hello", code: TS, python: "print(2)" } as const;
  assert.deepEqual(linkForTypeScript(link, TS), { kind: "none" });
});

test("an older link (no Python), another example's link or a broken one leaves the Python alone", () => {
  const none = { kind: "none" };
  assert.deepEqual(linkForPython({ kind: "shared", exampleId: "hello", code: "x" }, "hello"), none);
  const other = { kind: "shared", exampleId: "other", code: "x", python: "y" } as const;
  assert.deepEqual(linkForPython(other, "hello"), none);
  const broken = { kind: "error", exampleId: "hello", reason: "damaged", message: "m" } as const;
  assert.deepEqual(linkForPython(broken, "hello"), none);
  assert.equal(linkForTypeScript(broken, TS), broken);
});
