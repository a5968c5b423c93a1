import assert from "node:assert/strict";
import { test } from "node:test";
import { Acknowledger, FLOOD_PACE_MS } from "../../../../src/playground/runner/acknowledger.ts";
import type { HostMessage } from "../../../../src/sandbox/protocol.ts";

/** A fake page: frames come when the test says, and the clock moves when the test says. */
function setup() {
  const sent: HostMessage[] = [];
  const frames: (() => void)[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let now = 1000;
  const acks = new Acknowledger(
    (m) => sent.push(m),
    (fn) => frames.push(fn),
    { now: () => now, later: (fn, ms) => timers.push({ at: now + ms, fn }) },
  );
  const nextFrame = () => {
    for (const fn of frames.splice(0)) fn();
  };
  /** Moves the clock by `ms`, firing the timers due by then. */
  const pass = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { sent, frames, timers, acks, nextFrame, pass };
}

test("messages are acknowledged at the next frame, one acknowledgement per run with its count", () => {
  const { sent, frames, acks, nextFrame } = setup();
  acks.delivered("a#1.1", 7);
  acks.delivered("a#1.1", 7);
  acks.delivered("b#2.1", 8);
  assert.equal(sent.length, 0, "nothing before the frame");
  assert.equal(frames.length, 1, "one frame asked for, however many messages");
  nextFrame();
  assert.deepEqual(sent, [
    { channel: "a#1.1", kind: "ack", run: 7, count: 2 },
    { channel: "b#2.1", kind: "ack", run: 8, count: 1 },
  ]);
  nextFrame();
  assert.equal(sent.length, 2, "nothing twice");
});

test("a new run on a channel is acknowledged for itself, not for the run before", () => {
  const { sent, acks, nextFrame } = setup();
  acks.delivered("a#1.1", 7);
  acks.delivered("a#1.1", 9);
  nextFrame();
  assert.deepEqual(sent, [{ channel: "a#1.1", kind: "ack", run: 9, count: 1 }]);
});

test("messages after a frame wait for the following one", () => {
  const { sent, acks, nextFrame, pass } = setup();
  acks.delivered("a#1.1", 7);
  nextFrame();
  pass(FLOOD_PACE_MS);
  acks.delivered("a#1.1", 7);
  acks.delivered("a#1.1", 7);
  nextFrame();
  assert.deepEqual(
    sent.map((m) => (m.kind === "ack" ? m.count : 0)),
    [1, 2],
  );
});

test("a flood is paced: the next acknowledgement waits until the pace has passed, then a frame", () => {
  const { sent, frames, acks, nextFrame, pass } = setup();
  acks.delivered("a#1.1", 7);
  nextFrame();
  assert.equal(sent.length, 1, "the first message after a quiet spell: at the next frame");
  pass(10);
  acks.delivered("a#1.1", 7);
  acks.delivered("a#1.1", 7);
  assert.equal(frames.length, 0, "no frame asked for before the pace has passed");
  pass(FLOOD_PACE_MS - 11);
  assert.equal(frames.length, 0, "still none 1 ms before it");
  pass(1);
  assert.equal(frames.length, 1, "a frame asked for once it has passed");
  assert.equal(sent.length, 1, "and nothing sent before that frame");
  acks.delivered("a#1.1", 7);
  nextFrame();
  assert.deepEqual(
    sent.map((m) => (m.kind === "ack" ? m.count : 0)),
    [1, 3],
    "the messages that came meanwhile, acknowledged together",
  );
});

test("after a quiet spell as long as the pace, a message is acknowledged at the next frame", () => {
  const { sent, frames, timers, acks, nextFrame, pass } = setup();
  acks.delivered("a#1.1", 7);
  nextFrame();
  pass(FLOOD_PACE_MS);
  acks.delivered("a#1.1", 7);
  assert.equal(timers.length, 0, "no pacing timer");
  assert.equal(frames.length, 1);
  nextFrame();
  assert.equal(sent.length, 2);
});
