import assert from "node:assert/strict";
import { test } from "node:test";
import { KEEP_MAX_URLS, keepMessage } from "../../../src/offline/keep-message.ts";

const scope = new URL("https://example.org/asyncio-live/");
const file = (path: string) => `https://example.org/asyncio-live/${path}`;

test("a page's request to keep files under the worker's scope is taken as it is", () => {
  const urls = [file("sandbox/pyodide/pyodide.asm.wasm"), file("sandbox/python-worker.js")];
  assert.deepEqual(keepMessage({ kind: "keep", urls }, scope), { kind: "keep", urls });
});

test("anything else is refused whole: other origins, paths outside the scope, bad shapes, too many", () => {
  for (const data of [
    null,
    "keep",
    { kind: "keep" },
    { kind: "keep", urls: "x" },
    { kind: "other", urls: [] },
    { kind: "keep", urls: [file("a.js"), "https://elsewhere.example/asyncio-live/a.js"] },
    { kind: "keep", urls: ["https://example.org/other-site/a.js"] },
    { kind: "keep", urls: ["not a url"] },
    { kind: "keep", urls: [42] },
    { kind: "keep", urls: Array.from({ length: KEEP_MAX_URLS + 1 }, (_, i) => file(`${i}.js`)) },
  ])
    assert.equal(keepMessage(data, scope), null, JSON.stringify(data)?.slice(0, 80));
});
