import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLine, parseTranscript } from "../../../src/runtime/asyncio/transcript.ts";

test("prints inside and outside a task", () => {
  assert.deepEqual(parseTranscript("[t=0.000 Task-1] hello\n[t=1.500] from a callback\n"), [
    { kind: "print", t: 0, task: "Task-1", text: "hello" },
    { kind: "print", t: 1.5, task: null, text: "from a callback" },
  ]);
});

test("task names of the reader's own, with spaces and parentheses", () => {
  assert.deepEqual(parseLine("[t=2.000 worker (1)] got 3"), {
    kind: "print",
    t: 2,
    task: "worker (1)",
    text: "got 3",
  });
});

test("text keeps its own leading spaces and brackets; an empty line stays empty", () => {
  assert.deepEqual(parseLine("[t=0.250 Task-2]   [x] indented"), {
    kind: "print",
    t: 0.25,
    task: "Task-2",
    text: "  [x] indented",
  });
  assert.deepEqual(parseLine("[t=0.250 Task-2] "), {
    kind: "print",
    t: 0.25,
    task: "Task-2",
    text: "",
  });
  assert.deepEqual(parseLine("[t=0.250 Task-2]"), {
    kind: "print",
    t: 0.25,
    task: "Task-2",
    text: "",
  });
});

test("EXC lines: the top exception and sub-exceptions by indent", () => {
  const lines = parseTranscript(
    "[t=2.000] EXC ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)\n" +
      "[t=2.000] EXC   RuntimeError: body error\n" +
      "[t=2.000] EXC     KeyError: 'k'\n" +
      "[t=2.000] EXC CancelledError\n",
  );
  assert.deepEqual(
    lines.map((l) => (l.kind === "exception" ? [l.depth, l.text] : l.kind)),
    [
      [0, "ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)"],
      [1, "RuntimeError: body error"],
      [2, "KeyError: 'k'"],
      [0, "CancelledError"],
    ],
  );
});

test("LOOP-ERROR lines", () => {
  assert.deepEqual(parseLine("[t=3.000] LOOP-ERROR ValueError: never retrieved"), {
    kind: "loop-error",
    t: 3,
    task: null,
    text: "ValueError: never retrieved",
  });
});

test("inside a task, EXC is just text the task printed", () => {
  assert.deepEqual(parseLine("[t=0.000 Task-1] EXC not an error"), {
    kind: "print",
    t: 0,
    task: "Task-1",
    text: "EXC not an error",
  });
});

test("CRLF, no trailing newline, and lines that do not follow the format", () => {
  assert.deepEqual(parseTranscript("[t=0.000 Task-1] a\r\nstray\r\n[t=0.001 Task-1] b"), [
    { kind: "print", t: 0, task: "Task-1", text: "a" },
    { kind: "unstamped", t: null, task: null, text: "stray" },
    { kind: "print", t: 0.001, task: "Task-1", text: "b" },
  ]);
  assert.deepEqual(parseTranscript(""), []);
  assert.equal(parseLine("[t=abc Task-1] x").kind, "unstamped");
});
