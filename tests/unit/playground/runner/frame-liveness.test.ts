/** The page tells a dead sandbox process from a busy or throttled one. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEAD_AFTER_MS, FrameLiveness } from "../../../../src/playground/runner/frame-liveness.ts";

function setup() {
  let now = 0;
  let running = true;
  const pings: number[] = [];
  let deaths = 0;
  let tick: (() => void) | null = null;
  const liveness = new FrameLiveness({
    ping: (seq) => pings.push(seq),
    running: () => running,
    dead: () => deaths++,
    now: () => now,
    every: (_ms, fn) => {
      tick = fn;
      return () => {
        tick = null;
      };
    },
  });
  liveness.watch();
  return {
    liveness,
    pings,
    deaths: () => deaths,
    at(ms: number) {
      now = ms;
      tick?.();
    },
    stopRunning() {
      running = false;
    },
    startRunning() {
      running = true;
    },
  };
}

test("a frame that answers every question is never dead, however long the run", () => {
  const s = setup();
  for (let t = 1000; t <= 60_000; t += 1000) {
    s.at(t);
    s.liveness.heard();
  }
  assert.equal(s.deaths(), 0);
  assert.equal(s.pings.length, 60);
});

test("a question unanswered for longer than the limit means the process is gone, once", () => {
  const s = setup();
  s.at(1000);
  s.at(1000 + DEAD_AFTER_MS);
  assert.equal(s.deaths(), 0, "at the limit it is still alive");
  s.at(1001 + DEAD_AFTER_MS);
  assert.equal(s.deaths(), 1);
  s.at(5000 + DEAD_AFTER_MS);
  assert.equal(s.deaths(), 1);
  assert.deepEqual(s.pings, [1], "no question after the death, nor while one is unanswered");
});

test("a late tick (a hidden tab's throttled timer) is not a death: only an unanswered question is", () => {
  const s = setup();
  s.at(1000);
  s.liveness.heard();
  s.at(1000 + 5 * DEAD_AFTER_MS); // the next tick, a minute later: it asks again
  assert.equal(s.deaths(), 0);
  assert.deepEqual(s.pings, [1, 2]);
});

test("nothing is asked once nothing runs, until the next run", () => {
  const s = setup();
  s.stopRunning();
  s.at(1000);
  s.at(1000 + 2 * DEAD_AFTER_MS);
  assert.deepEqual(s.pings, []);
  assert.equal(s.deaths(), 0);
  s.startRunning();
  s.liveness.watch();
  s.at(2000 + 2 * DEAD_AFTER_MS);
  assert.deepEqual(s.pings, [1]);
});
