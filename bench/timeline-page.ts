/**
 * The benchmark page's script (bundled by bench/timeline.ts): drives the real TimelineView
 * with synthetic events and measures frame times with requestAnimationFrame.
 */
import { TimelineView } from "../src/playground/timeline/TimelineView.ts";
import type { TraceEvent } from "../src/runtime/asyncio/trace.ts";
import { producerConsumerTrace, syntheticTrace } from "./timeline-synthetic.ts";

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames longer than 50 ms (a visible jank). */
  long: number;
  /** The view's script time per frame (its rAF work), 95th percentile and max. */
  scriptP95: number;
  scriptMax: number;
  /** Wall time from the first push until the view had drawn the finished run. */
  totalMs: number;
  /** Time spent inside push() calls (the widget's side of the cost). */
  pushMs: number;
}

function stats(m: Measured, totalMs: number, pushMs: number): FrameStats {
  const { deltas, script } = m;
  const s = [...deltas].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const b = [...script].sort((a, b) => a - b);
  return {
    scriptP95: b[Math.min(b.length - 1, Math.floor(0.95 * b.length))] ?? 0,
    scriptMax: b.at(-1) ?? 0,
    frames: s.length,
    p50: q(0.5),
    p95: q(0.95),
    max: s.at(-1) ?? 0,
    long: s.filter((d) => d > 50).length,
    totalMs,
    pushMs,
  };
}

interface Measured {
  deltas: number[];
  /** Script time spent in rAF callbacks (the view's frame work), per frame. */
  script: number[];
}

// Time every rAF callback, summed per frame: the view's own work in each frame.
const scriptByFrame = new Map<number, number>();
const nativeRaf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (cb) =>
  nativeRaf((ts) => {
    const t0 = performance.now();
    try {
      cb(ts);
    } finally {
      scriptByFrame.set(ts, (scriptByFrame.get(ts) ?? 0) + performance.now() - t0);
    }
  });
const nextFrame = () => new Promise<number>((r) => nativeRaf(r));

/** Records rAF deltas and each frame's rAF script time until `done()`, then 10 frames more. */
async function measure(done: () => boolean): Promise<Measured> {
  const deltas: number[] = [];
  const frames: number[] = [];
  let last = await nextFrame();
  let tail = 10;
  while (tail > 0) {
    const ts = await nextFrame();
    deltas.push(ts - last);
    frames.push(ts);
    last = ts;
    if (done()) tail--;
  }
  const script = frames.map((ts) => scriptByFrame.get(ts) ?? 0);
  scriptByFrame.clear();
  return { deltas, script };
}

const hovered: (number | null)[] = [];
(window as unknown as { hovered: typeof hovered }).hovered = hovered;

function freshView(log?: (number | null)[]): { view: TimelineView; host: HTMLElement } {
  const host = document.getElementById("host")!;
  host.replaceChildren();
  const view = new TimelineView(host, { onMarkHover: (i) => log?.push(i) });
  return { view, host };
}

function drawnFinished(host: HTMLElement): boolean {
  return host.querySelector(".tl")?.getAttribute("data-timeline-state") === "finished";
}

/** Streams the events in small batches over about `seconds`, as a worker would post them. */
async function streamed(tasks: number, seconds: number, dense = false): Promise<FrameStats> {
  const events = dense ? producerConsumerTrace(tasks) : syntheticTrace(tasks);
  const { view, host } = freshView();
  view.reset({ rate: 10 });
  const batches = Math.max(1, Math.round((seconds * 1000) / 4));
  const size = Math.ceil(events.length / batches);
  let pushMs = 0;
  const start = performance.now();
  const feeding = (async () => {
    for (let i = 0; i < events.length; i += size) {
      const t0 = performance.now();
      view.push(events.slice(i, i + size));
      pushMs += performance.now() - t0;
      await new Promise((r) => setTimeout(r, 4));
    }
    view.finish(events.at(-1)!.t);
  })();
  const deltas = await measure(() => drawnFinished(host));
  await feeding;
  const totalMs = performance.now() - start;
  view.destroy();
  return stats(deltas, totalMs, pushMs);
}

/** Pushes the whole run at once (the Instant speed) and finishes it. */
async function instant(tasks: number): Promise<FrameStats> {
  const events: TraceEvent[] = syntheticTrace(tasks);
  const { view, host } = freshView();
  view.reset({ rate: 0 });
  const start = performance.now();
  view.push(events);
  view.finish(events.at(-1)!.t);
  const pushMs = performance.now() - start;
  const deltas = await measure(() => drawnFinished(host));
  const totalMs = performance.now() - start;
  view.destroy();
  return stats(deltas, totalMs, pushMs);
}

/** Shows every lane of a finished run (virtualised) and scrolls through them. */
async function allLanes(tasks: number): Promise<FrameStats> {
  const events = syntheticTrace(tasks);
  const { view, host } = freshView();
  view.reset();
  view.push(events);
  view.finish(events.at(-1)!.t);
  view.flush();
  // Let the first drawing (and the collection of its garbage) settle before timing.
  for (let i = 0; i < 30; i++) await nextFrame();
  const start = performance.now();
  const button = host.querySelector<HTMLButtonElement>('[data-timeline-toggle="lanes"]');
  button?.click();
  const scroller = host.querySelector<HTMLElement>("[data-timeline-drawing]")!;
  let frames = 0;
  const measured = await measure(() => {
    scroller.scrollTop += 400;
    return ++frames > 60;
  });
  const totalMs = performance.now() - start;
  view.destroy();
  return stats(measured, totalMs, 0);
}

declare global {
  interface Window {
    bench: {
      streamed: typeof streamed;
      instant: typeof instant;
      allLanes: typeof allLanes;
      idle: () => Promise<Measured>;
    };
  }
}

window.bench = {
  streamed,
  instant,
  allLanes,
  idle: async () => {
    let n = 0;
    return measure(() => ++n > 30);
  },
};

/** Leaves a view of `events` on the page (for looking at it, not for timing). */
(window as unknown as { show: (events: TraceEvent[], tEnd: number | null) => void }).show = (
  events,
  tEnd,
) => {
  const { view } = freshView(hovered);
  view.reset({ rate: 1 });
  view.push(events);
  if (tEnd !== null) view.finish(tEnd);
  view.flush();
  (window as unknown as { view: TimelineView }).view = view;
};
