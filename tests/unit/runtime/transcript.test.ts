import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";

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
