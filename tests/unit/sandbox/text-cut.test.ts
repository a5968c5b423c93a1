import assert from "node:assert/strict";
import { test } from "node:test";
import { PROTOCOL_BOUNDS } from "../../../src/sandbox/protocol-bounds.ts";
import { isTraceEvent } from "../../../src/sandbox/protocol-check.ts";
import { cutEvent, cutText } from "../../../src/sandbox/text-cut.ts";

test("a short line is kept whole", () => {
  assert.equal(cutText("hello"), "hello");
});

test("a long line keeps its start and says its full length", () => {
  const cut = cutText("x".repeat(50_000_000));
  assert.ok(cut.startsWith("x".repeat(PROTOCOL_BOUNDS.cutAt)));
  assert.ok(cut.endsWith(" … (50,000,000 characters in all)"));
});

test("a cut print fits the protocol and reports what it left out", () => {
  const { event, dropped } = cutEvent({
    type: "print",
    t: 0,
    task: 1,
    name: "n".repeat(10_000),
    text: "y".repeat(20_000_000),
  });
  assert.equal(isTraceEvent(event), true);
  assert.equal(dropped, 20_000_000 - PROTOCOL_BOUNDS.cutAt);
});

test("an exception group with a million members keeps its first lines", () => {
  const lines = Array.from({ length: 1_000_000 }, (_, i) => `  E: ${i}`);
  const { event } = cutEvent({
    type: "exception",
    t: 0,
    lines: ["ExceptionGroup: many", ...lines],
  });
  assert.equal(isTraceEvent(event), true);
  assert.ok(event.type === "exception" && event.lines.at(-1)?.includes("more lines"));
});
