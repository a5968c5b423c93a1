import assert from "node:assert/strict";
import { test } from "node:test";
import { Acknowledger } from "../../../../src/playground/runner/acknowledger.ts";
import type { HostMessage } from "../../../../src/sandbox/protocol.ts";

function setup() {
  const sent: HostMessage[] = [];
  const frames: (() => void)[] = [];
  const acks = new Acknowledger(
    (m) => sent.push(m),
    (fn) => frames.push(fn),
  );
  const nextFrame = () => {
    for (const fn of frames.splice(0)) fn();
  };
  return { sent, frames, acks, nextFrame };
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
  const { sent, acks, nextFrame } = setup();
  acks.delivered("a#1.1", 7);
  nextFrame();
  acks.delivered("a#1.1", 7);
  acks.delivered("a#1.1", 7);
  nextFrame();
  assert.deepEqual(
    sent.map((m) => (m.kind === "ack" ? m.count : 0)),
    [1, 2],
  );
});
