import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BUSY_MS,
  CoreShare,
  GAP_MS,
  REST_MS,
  threadSleep,
} from "../../../src/sandbox/core-share.ts";

function setup() {
  let now = 1000;
  const slept: number[] = [];
  const share = new CoreShare(
    () => now,
    (ms) => {
      slept.push(ms);
      now += ms;
    },
  );
  return {
    share,
    slept,
    /** Signs of work every `step` ms for `ms` ms. */
    work(ms: number, step = 0.01) {
      for (const end = now + ms; now < end; now += step) share.working();
    },
    pause(ms: number) {
      now += ms;
    },
  };
}

test("work without a gap rests REST_MS after each BUSY_MS", () => {
  const { work, slept } = setup();
  work(BUSY_MS - 1);
  assert.deepEqual(slept, []);
  work(2);
  assert.deepEqual(slept, [REST_MS]);
  // The next stretch counts from the end of the rest.
  work(BUSY_MS - 1);
  assert.equal(slept.length, 1);
  work(2);
  assert.equal(slept.length, 2);
  // Rests take their time too: a busy stretch and a rest make one cycle.
  work(10 * (BUSY_MS + REST_MS));
  assert.ok(slept.length >= 11 && slept.length <= 12, `${slept.length} rests`);
});

test("work with gaps longer than GAP_MS between its signs never rests", () => {
  const { work, slept } = setup();
  // A program that prints every 3 ms (a 1x timer) is idle between its lines.
  work(50 * BUSY_MS, GAP_MS + 1);
  assert.deepEqual(slept, []);
});

test("an idle spell starts a new stretch", () => {
  const { work, pause, slept } = setup();
  work(BUSY_MS - 5);
  pause(GAP_MS + 1);
  work(BUSY_MS - 5);
  assert.deepEqual(slept, []);
  work(10);
  assert.deepEqual(slept, [REST_MS]);
});

test("threadSleep waits on shared WebAssembly memory until its timeout (node allows it)", () => {
  const sleep = threadSleep();
  assert.ok(sleep, "shared WebAssembly memory and Atomics.wait are available in node");
  // A wait that ended by its timeout, not at once ("not-equal") nor by a wake ("ok").
  assert.equal(sleep(1), "timed-out");
});
