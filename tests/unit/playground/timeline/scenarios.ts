/**
 * The model tests' scenarios as trace streams. Each follows what CPython's loop does for the
 * program in its comment, step by step, in the order the runtime emits events.
 */
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { ev } from "./trace-builders.ts";

/** gather(worker("A", 2), worker("B", 1), worker("C", 3)); each prints start and end. */
export function gatherStream(): TraceEvent[] {
  const e: TraceEvent[] = [ev.created(0, 1, "Task-1", null), ev.started(0, 1)];
  const work: [number, string, number][] = [
    [2, "A", 2],
    [3, "B", 1],
    [4, "C", 3],
  ];
  for (const [task] of work) e.push(ev.created(0, task, `Task-${task}`, 1));
  e.push(ev.suspended(0, 1, "gather"));
  for (const [task, name, d] of work) {
    e.push(
      ev.started(0, task),
      ev.print(0, task, `${name} start`),
      ev.suspended(0, task, `sleep(${d})`),
    );
  }
  for (const [task, name, d] of [...work].sort((a, b) => a[2] - b[2])) {
    e.push(ev.resumed(d, task), ev.print(d, task, `${name} end`), ev.done(d, task, `'${name}'`));
  }
  e.push(ev.resumed(3, 1), ev.print(3, 1, "['A', 'B', 'C']"), ev.done(3, 1, "None"));
  return e;
}

/** wait({fast (1 s), slow (3 s)}, return_when=FIRST_COMPLETED), then slow.cancel(). */
export function waitFirstCompletedStream(): TraceEvent[] {
  return [
    ev.created(0, 1, "Task-1", null),
    ev.started(0, 1),
    ev.created(0, 2, "fast", 1),
    ev.created(0, 3, "slow", 1),
    ev.suspended(0, 1, "wait"),
    ev.started(0, 2),
    ev.suspended(0, 2, "sleep(1)"),
    ev.started(0, 3),
    ev.suspended(0, 3, "sleep(3)"),
    ev.resumed(1, 2),
    ev.done(1, 2, "'fast'"),
    ev.resumed(1, 1),
    ev.print(1, 1, "done: 1, pending: 1"),
    ev.suspended(1, 1, "Task-3"),
    ev.resumed(1, 3),
    ev.cancelled(1, 3, ""),
    ev.resumed(1, 1),
    ev.done(1, 1, "None"),
  ];
}

/** A task sleeping 10 s, cancelled by main after 1 s with a message. */
export function cancellationStream(): TraceEvent[] {
  return [
    ev.created(0, 1, "Task-1", null),
    ev.started(0, 1),
    ev.created(0, 2, "Task-2", 1),
    ev.suspended(0, 1, "sleep(1)"),
    ev.started(0, 2),
    ev.print(0, 2, "sleeping"),
    ev.suspended(0, 2, "sleep(10)"),
    ev.resumed(1, 1),
    ev.suspended(1, 1, "Task-2"),
    ev.resumed(1, 2),
    ev.print(1, 2, "cancelled, cleaning up"),
    ev.cancelled(1, 2, "stop"),
    ev.resumed(1, 1),
    ev.print(1, 1, "task cancelled"),
    ev.done(1, 1, "None"),
  ];
}

/** async with TaskGroup(): one child raises after 1 s, the other (5 s) is cancelled. */
export function taskGroupFailureStream(): TraceEvent[] {
  return [
    ev.created(0, 1, "Task-1", null),
    ev.started(0, 1),
    ev.created(0, 2, "Task-2", 1),
    ev.created(0, 3, "Task-3", 1),
    ev.suspended(0, 1, "TaskGroup"),
    ev.started(0, 2),
    ev.suspended(0, 2, "sleep(1)"),
    ev.started(0, 3),
    ev.suspended(0, 3, "sleep(5)"),
    ev.resumed(1, 2),
    ev.failed(1, 2, "ValueError: boom"),
    ev.resumed(1, 3),
    ev.cancelled(1, 3, ""),
    ev.resumed(1, 1),
    ev.failed(1, 1, "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)"),
    ev.exception(1, [
      "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      "  ValueError: boom",
    ]),
  ];
}

/** A ticker sleeping 0.1 s while another task blocks the loop for 0.5 s in one step. */
export function blockingStream(): TraceEvent[] {
  return [
    ev.created(0, 1, "Task-1", null),
    ev.started(0, 1),
    ev.created(0, 2, "ticker", 1),
    ev.created(0, 3, "blocker", 1),
    ev.suspended(0, 1, "gather"),
    ev.started(0, 2),
    ev.suspended(0, 2, "sleep(0.1)"),
    ev.started(0, 3),
    ev.print(0, 3, "blocking"),
    ev.print(0.5, 3, "unblocked"),
    ev.done(0.5, 3, "None"),
    ev.resumed(0.5, 2),
    ev.print(0.5, 2, "tick, late"),
    ev.done(0.5, 2, "None"),
    ev.resumed(0.5, 1),
    ev.done(0.5, 1, "None"),
  ];
}

/** Ten workers (Task-2..11) share Semaphore(3); each holds it across sleep(1). */
export function semaphoreStream(): TraceEvent[] {
  const e: TraceEvent[] = [ev.created(0, 1, "Task-1", null), ev.started(0, 1)];
  const workers = Array.from({ length: 10 }, (_, i) => i + 2);
  for (const w of workers) e.push(ev.created(0, w, `Task-${w}`, 1));
  e.push(ev.suspended(0, 1, "gather"));
  const waiting: number[] = [];
  let holders: number[] = [];
  for (const w of workers) {
    e.push(ev.started(0, w));
    if (holders.length < 3) {
      holders.push(w);
      e.push(ev.suspended(0, w, "sleep(1)"));
    } else {
      waiting.push(w);
      e.push(ev.suspended(0, w, "Semaphore"));
    }
  }
  for (let t = 1; holders.length > 0; t++) {
    // Each holder wakes, releases (waking the longest waiter) and ends; then the woken run.
    const woken: number[] = [];
    for (const h of holders) {
      e.push(ev.resumed(t, h), ev.done(t, h, "None"));
      const next = waiting.shift();
      if (next !== undefined) woken.push(next);
    }
    for (const w of woken) e.push(ev.resumed(t, w), ev.suspended(t, w, "sleep(1)"));
    holders = woken;
  }
  e.push(ev.resumed(4, 1), ev.done(4, 1, "None"));
  return e;
}
