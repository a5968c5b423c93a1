import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { parsedLinesOf, parseTranscript } from "../../../src/runtime/asyncio/transcript.ts";

test("transcript lines: prints with and without a task, EXC with nested groups, LOOP-ERROR", () => {
  const events: asyncio.TraceEvent[] = [
    { type: "created", t: 0, task: 1, name: "Task-1", parent: null },
    { type: "print", t: 1, task: 2, name: "Task-2", text: "Goodbye Alice" },
    { type: "print", t: 1.5, task: null, name: null, text: "from a callback" },
    { type: "loop-error", t: 2, text: "ValueError: x" },
    {
      type: "exception",
      t: 2,
      lines: [
        "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
        "  RuntimeError: body error",
      ],
    },
  ];
  assert.equal(
    asyncio.transcript(events),
    "[t=1.000 Task-2] Goodbye Alice\n[t=1.500] from a callback\n[t=2.000] LOOP-ERROR ValueError: x\n" +
      "[t=2.000] EXC ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n[t=2.000] EXC   RuntimeError: body error\n",
  );
});

test("round trip: what the writer writes, the parser reads back as the events' lines", () => {
  const events: asyncio.TraceEvent[] = [
    { type: "created", t: 0, task: 1, name: "Task-1", parent: null },
    { type: "print", t: 0, task: 1, name: "Task-1", text: "started" },
    { type: "print", t: 1.25, task: 3, name: "worker (1)", text: "got [1, 2]" },
    { type: "print", t: 1.5, task: null, name: null, text: "from a callback" },
    { type: "print", t: 1.5, task: 2, name: "Task-2", text: "" },
    { type: "loop-error", t: 2, text: "Task exception was never retrieved" },
    {
      type: "exception",
      t: 2.125,
      lines: [
        "ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
        "  RuntimeError: body error",
        "  ExceptionGroup: nested (1 sub-exception)",
        "    ValueError: deep",
      ],
    },
  ];
  const text = asyncio.transcript(events);
  assert.deepEqual(parseTranscript(text), events.flatMap(parsedLinesOf));
  // And back: the lines the parser read are written as the same text.
  assert.equal(parseTranscript(text).length, text.split("\n").length - 1);
});

test("round trip keeps the 3-decimal stamp the format writes (the parser sees no more)", () => {
  const event: asyncio.TraceEvent = {
    type: "print",
    t: 1.0004,
    task: 2,
    name: "Task-2",
    text: "x",
  };
  const [line] = parseTranscript(asyncio.transcript([event]));
  assert.deepEqual(line, { kind: "print", t: 1, task: "Task-2", text: "x" });
  assert.deepEqual(parsedLinesOf(event), [{ kind: "print", t: 1.0004, task: "Task-2", text: "x" }]);
});
