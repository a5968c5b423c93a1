/**
 * Synthetic trace streams for the timeline benchmark: `tasks` workers under one main task,
 * each with exactly 10 events (created, started, a sleep, a semaphore wait, a print, another
 * sleep, done), sorted by time as a real run would emit them. Deterministic (seeded).
 */
import type { TraceEvent } from "../src/runtime/asyncio/trace.ts";

export function syntheticTrace(tasks: number, seed = 1): TraceEvent[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out: { e: TraceEvent; order: number }[] = [];
  let order = 0;
  const add = (e: TraceEvent) => out.push({ e, order: order++ });
  add({ type: "created", t: 0, task: 1, name: "Task-1", parent: null });
  add({ type: "started", t: 0, task: 1 });
  for (let i = 0; i < tasks; i++) {
    const task = i + 2;
    add({ type: "created", t: 0, task, name: `worker(${i})`, parent: 1 });
  }
  add({ type: "suspended", t: 0, task: 1, on: "gather" });
  let end = 0;
  for (let i = 0; i < tasks; i++) {
    const task = i + 2;
    let t = 0;
    add({ type: "started", t, task });
    t += 0.2 + rnd() * 2;
    add({ type: "suspended", t: 0, task, on: `sleep(${t.toFixed(3)})` });
    add({ type: "resumed", t, task });
    add({ type: "suspended", t, task, on: "Semaphore" });
    t += rnd() * 1.5;
    add({ type: "resumed", t, task });
    add({ type: "print", t, task, name: `worker(${i})`, text: `worker ${i} got the semaphore` });
    const d = 0.1 + rnd();
    add({ type: "suspended", t, task, on: `sleep(${d.toFixed(3)})` });
    t += d;
    add({ type: "resumed", t, task });
    add({ type: "done", t, task, result: String(i) });
    end = Math.max(end, t);
  }
  add({ type: "resumed", t: end, task: 1 });
  add({ type: "done", t: end, task: 1, result: "None" });
  out.sort((a, b) => a.e.t - b.e.t || a.order - b.order);
  return out.map((x) => x.e);
}

/**
 * A producer and a consumer passing `items` through a queue, 1 ms apart: few lanes, each with
 * thousands of events (about 5 per item), the dense case.
 */
export function producerConsumerTrace(items: number): TraceEvent[] {
  const e: TraceEvent[] = [
    { type: "created", t: 0, task: 1, name: "Task-1", parent: null },
    { type: "started", t: 0, task: 1 },
    { type: "created", t: 0, task: 2, name: "producer", parent: 1 },
    { type: "created", t: 0, task: 3, name: "consumer", parent: 1 },
    { type: "suspended", t: 0, task: 1, on: "gather" },
    { type: "started", t: 0, task: 2 },
    { type: "started", t: 0, task: 3 },
    { type: "suspended", t: 0, task: 3, on: "Queue.get" },
  ];
  let t = 0;
  for (let i = 0; i < items; i++) {
    e.push({ type: "suspended", t, task: 2, on: "sleep(0.001)" });
    t = Number((t + 0.001).toFixed(3));
    e.push(
      { type: "resumed", t, task: 2 },
      { type: "resumed", t, task: 3 },
      { type: "print", t, task: 3, name: "consumer", text: `got ${i}` },
      { type: "suspended", t, task: 3, on: "Queue.get" },
    );
  }
  e.push(
    { type: "done", t, task: 2, result: "None" },
    { type: "resumed", t, task: 3 },
    { type: "cancelled", t, task: 3, message: "" },
    { type: "resumed", t, task: 1 },
    { type: "done", t, task: 1, result: "None" },
  );
  return e;
}
