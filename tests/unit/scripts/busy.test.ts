/**
 * scripts/busy.ts, which pins cores while CI runs the end-to-end suite: it starts one spinning
 * process per core, each ends by itself at its deadline, and stop() ends them at once.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { test } from "node:test";
import { startBusy } from "../../../scripts/busy.ts";

test("each busy process ends by itself at its deadline", async () => {
  const busy = startBusy(2, 0.2);
  assert.equal(busy.processes.length, 2);
  // Waits for the exits (however slow the machine), then checks nobody was killed.
  const exits = await Promise.all(busy.processes.map((p) => once(p, "exit")));
  assert.deepEqual(exits, [
    [0, null],
    [0, null],
  ]);
});

test("stop() ends the busy processes before their deadline", async () => {
  const busy = startBusy(1, 600);
  const [p] = busy.processes;
  assert.ok(p);
  await once(p, "spawn");
  assert.equal(p.exitCode, null, "the process should still be spinning");
  busy.stop();
  const [code, signal] = await once(p, "exit");
  assert.equal(code, null);
  assert.equal(signal, "SIGTERM");
});
