/**
 * How long the page's main thread was busy at a stretch, in CPU time, from a Chromium trace.
 *
 * "The page answers within 200 ms" is a bound on the page's tasks: while one runs, nothing else
 * on that thread (an input, a `page.evaluate`) is answered. Wall time cannot check it on a
 * shared machine: a 30 ms task that waits 500 ms for a core looks like a 530 ms freeze. A
 * task's CPU time (`tdur`, the thread's own clock) is the work the page did, whatever the load,
 * and equals its wall time on an idle machine; so the bound is asserted on that, unscaled, and
 * the round trip from outside keeps its load-scaled net (`responsiveness.ts`).
 *
 * The page's thread is found by frame, not by guess: the renderer process that hosted the
 * tab's main frame (`TracingStartedInBrowser`, then each `FrameCommittedInBrowser`). The
 * sandbox's frame has a process of its own; if a Chromium build put it on the page's thread,
 * its tasks would count, as they would then block the page.
 */
import type { Page } from "@playwright/test";

/** The bound on any one task of the page's main thread, in CPU milliseconds. */
export const PAGE_TASK_CPU_MS = 200;

/** The user-timing mark the page sets when a run leaves its preparing states (`markRunStart`). */
export const RUN_STARTED_MARK = "asyncio-live:run-started";

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: {
      frame?: string;
      processId?: number;
      parent?: string;
      isOutermostMainFrame?: boolean;
      frames?: { frame: string; processId?: number; parent?: string }[];
    };
  };
}

export interface MainThreadWork {
  /** The longest task's CPU time, ms. */
  longestCpu: number;
  /** The same task's wall time, ms (for the report: on a loaded machine it includes waiting). */
  longestWall: number;
  /** Tasks counted. */
  tasks: number;
}

const CATEGORIES = ["disabled-by-default-devtools.timeline", "blink.user_timing"];

/** The pids that hosted the tab's main frame while the trace ran. */
export function pagePids(events: TraceEvent[]): Set<number> {
  const pids = new Set<number>();
  let mainFrame: string | undefined;
  for (const e of events) {
    if (e.name !== "TracingStartedInBrowser") continue;
    const main = e.args?.data?.frames?.find((f) => !f.parent);
    if (main) {
      mainFrame = main.frame;
      if (main.processId) pids.add(main.processId);
    }
  }
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === "FrameCommittedInBrowser" && d?.frame === mainFrame && d?.processId)
      pids.add(d.processId);
  }
  return pids;
}

/** The page's main-thread tasks that end at or after `from` (µs, trace clock). */
export function mainThreadWork(events: TraceEvent[], fromMark?: string): MainThreadWork {
  const pids = pagePids(events);
  if (pids.size === 0) throw new Error("the trace does not say which process is the page's");
  const mains = new Set<string>();
  for (const e of events)
    if (e.name === "thread_name" && e.args?.name === "CrRendererMain" && pids.has(e.pid))
      mains.add(`${e.pid}:${e.tid}`);
  let from = Number.NEGATIVE_INFINITY;
  if (fromMark !== undefined) {
    const mark = events.find((e) => e.name === fromMark);
    if (!mark) throw new Error(`the page never set the mark ${fromMark}`);
    from = mark.ts;
  }
  let longestCpu = 0;
  let longestWall = 0;
  let tasks = 0;
  for (const e of events) {
    if (e.name !== "RunTask" || e.ph !== "X" || !mains.has(`${e.pid}:${e.tid}`)) continue;
    if (e.ts + (e.dur ?? 0) < from) continue;
    tasks++;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (cpu > longestCpu) {
      longestCpu = cpu;
      longestWall = (e.dur ?? 0) / 1000;
    }
  }
  if (tasks === 0) throw new Error("the trace holds no task of the page's main thread");
  return { longestCpu, longestWall, tasks };
}

/**
 * Traces the page while `during` runs; the page's main-thread work, from `fromMark` (a
 * user-timing mark's name) if given. One trace at a time per browser: each Playwright worker
 * has its own.
 */
export async function traceMainThread<T>(
  page: Page,
  during: () => Promise<T>,
  fromMark?: string,
): Promise<{ result: T; work: MainThreadWork }> {
  const browser = page.context().browser();
  if (!browser) throw new Error("tracing needs a browser (not a persistent context)");
  await browser.startTracing(page, { categories: CATEGORIES });
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await during() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  // Let the task under way end before the trace does.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0))).catch(() => {});
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[];
  if (!outcome.ok) throw outcome.error;
  return { result: outcome.value, work: mainThreadWork(events, fromMark) };
}
