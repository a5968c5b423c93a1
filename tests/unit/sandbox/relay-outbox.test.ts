import assert from "node:assert/strict";
import { test } from "node:test";
import type { TraceEvent } from "../../../src/runtime/asyncio/trace.ts";
import { PROTOCOL_BOUNDS } from "../../../src/sandbox/protocol-bounds.ts";
import {
  IN_FLIGHT,
  type Outgoing,
  RELAY_MS,
  RelayOutbox,
} from "../../../src/sandbox/relay-outbox.ts";

/** A clock the test moves by hand, with the timers it fires. */
class FakeClock {
  t = 1000;
  timers: { at: number; fn: () => void }[] = [];
  now = () => this.t;
  later = (fn: () => void, ms: number) => {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  };
  advance(ms: number): void {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.at <= this.t)) {
      this.timers = this.timers.filter((x) => x !== timer);
      timer.fn();
    }
  }
}

const print = (i: number): TraceEvent => ({
  type: "print",
  t: 0,
  task: null,
  name: null,
  text: `line ${i}`,
});
const prints = (from: number, n: number) => Array.from({ length: n }, (_, i) => print(from + i));

function setup() {
  const clock = new FakeClock();
  const sent: Outgoing[] = [];
  const outbox = new RelayOutbox((m) => sent.push(m), clock);
  const texts = () =>
    sent.flatMap((m) =>
      m.kind === "events" ? m.events.map((e) => (e as { text: string }).text) : ["error"],
    );
  return { clock, sent, outbox, texts };
}

test("the first events after a quiet spell go at once; the next wait about a frame", () => {
  const { clock, sent, outbox } = setup();
  outbox.events([print(0)]);
  assert.equal(sent.length, 1);
  outbox.ack(1);
  outbox.events([print(1)]);
  outbox.events([print(2)]);
  assert.equal(sent.length, 1, "within a frame of the last relay: held back");
  clock.advance(RELAY_MS);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1], { kind: "events", events: [print(1), print(2)] });
});

test("no more than IN_FLIGHT messages go before the page acknowledges them", () => {
  const { clock, sent, outbox } = setup();
  for (let i = 0; i < 10; i++) {
    outbox.events(prints(i * PROTOCOL_BOUNDS.batch, PROTOCOL_BOUNDS.batch));
    clock.advance(RELAY_MS);
  }
  assert.equal(sent.length, IN_FLIGHT);
  assert.equal(outbox.unacknowledged, IN_FLIGHT);
  assert.equal(outbox.waiting, 10 - IN_FLIGHT);
  outbox.ack(1);
  assert.equal(sent.length, IN_FLIGHT + 1);
  outbox.ack(2);
  assert.equal(sent.length, IN_FLIGHT + 3);
});

test("events waiting for acknowledgements merge into full batches, in order", () => {
  const { clock, sent, outbox, texts } = setup();
  outbox.events([print(0)]);
  outbox.events([print(1)]);
  clock.advance(RELAY_MS);
  // Two in flight: what comes now waits, 300 events at a time, as the worker sends them.
  for (let i = 0; i < 10; i++) outbox.events(prints(2 + i * 300, 300));
  assert.equal(sent.length, 2);
  assert.equal(outbox.waiting, Math.ceil(3000 / PROTOCOL_BOUNDS.batch));
  outbox.ack(2);
  const batches = sent.slice(2).map((m) => (m.kind === "events" ? m.events.length : -1));
  assert.deepEqual(batches, [PROTOCOL_BOUNDS.batch, 3000 - PROTOCOL_BOUNDS.batch]);
  assert.deepEqual(
    texts(),
    prints(0, 3002).map((e) => (e as { text: string }).text),
  );
});

test("an error keeps its place between the events around it", () => {
  const { clock, outbox, texts } = setup();
  outbox.events([print(0)]);
  outbox.error({
    kind: "error",
    t: 0,
    error: { type: "Error", message: "x", position: null },
    origin: "uncaught",
  });
  outbox.events([print(1)]);
  outbox.ack(2);
  clock.advance(RELAY_MS);
  assert.deepEqual(texts(), ["line 0", "error", "line 1"]);
});

test("drain sends everything at the run's end, acknowledged or not", () => {
  const { clock, sent, outbox, texts } = setup();
  for (let i = 0; i < 5; i++)
    outbox.events(prints(i * PROTOCOL_BOUNDS.batch, PROTOCOL_BOUNDS.batch));
  assert.equal(sent.length, IN_FLIGHT);
  outbox.drain();
  assert.equal(outbox.waiting, 0);
  assert.equal(texts().length, 5 * PROTOCOL_BOUNDS.batch);
  clock.advance(10 * RELAY_MS);
  assert.equal(texts().length, 5 * PROTOCOL_BOUNDS.batch, "no timer sends anything after");
});
