/**
 * Where a run's CPU went in the browser, from a Chromium trace: the page's main thread, the
 * page's other threads (its workers: the compiler and the type checker; V8's background
 * compilers and garbage collector; the compositor) and every other process (the sandbox frame's,
 * with the worker that runs the program; the browser's; the GPU process's). On a 2-core machine
 * these all compete with the page's main thread for a core, which is why a round trip can take
 * far longer than the page's longest task (issue 18).
 *
 * Task CPU (`tdur`) of top-level tasks only. A task cut short (a worker terminated mid-task, as
 * a sandbox worker that never awaits is) has no end in the trace and is not counted: the
 * sandbox's figure is a lower bound.
 */
import { pagePids, type TraceEvent } from "../tests/e2e/main-thread-trace.ts";

export interface ThreadCpu {
  /** The page's main thread, ms of CPU. */
  pageMain: number;
  /** The page's process, its other threads. */
  pageOther: number;
  /** The page's other threads, by thread name, largest first. */
  pageOtherByThread: [string, number][];
  /** Every other process (the sandbox frame's, the browser's, the GPU process's). */
  elsewhere: number;
}

const TOP_LEVEL = new Set(["RunTask", "ThreadPool_RunTask"]);

export function threadCpu(events: TraceEvent[]): ThreadCpu {
  const pids = pagePids(events);
  const names = new Map<string, string>();
  for (const e of events)
    if (e.name === "thread_name" && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const result: ThreadCpu = { pageMain: 0, pageOther: 0, pageOtherByThread: [], elsewhere: 0 };
  const byThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== "X" || !TOP_LEVEL.has(e.name)) continue;
    const cpu = (e.tdur ?? 0) / 1000;
    const name = names.get(`${e.pid}:${e.tid}`) ?? "?";
    if (!pids.has(e.pid)) result.elsewhere += cpu;
    else if (name === "CrRendererMain") result.pageMain += cpu;
    else {
      result.pageOther += cpu;
      byThread.set(name, (byThread.get(name) ?? 0) + cpu);
    }
  }
  result.pageOtherByThread = [...byThread].sort((a, b) => b[1] - a[1]);
  return result;
}
