/**
 * Where the time between Run and the first line goes (issue 19). Records a Chromium trace of
 * every process (the page, the sandbox frame's process, its workers) around Runs of an unedited
 * example at Instant, and prints for each Run when each hop happened after the click:
 *
 *   frame   the frame's `onHostMessage` starts (the page's run request arrived)
 *   worker  the worker's port delivers the frame's `go` (or `run`)
 *   post    the worker serializes its first message (the first line's batch)
 *   page    the page's port delivers the frame's relay of it
 *   line    the first stamped line is in the output (a MutationObserver, as bench/page.ts)
 *
 * The first Run follows a 300 ms rest of the pointer on Run; then `--runs` Runs (default 5), each
 * `--rest` ms after the one before ended (default 0: at once, as bench/page.ts's third Run; 300 as
 * its second). The trace's clock is the same
 * in every process, so hops compare across them; on a busy machine a hop also holds the time a
 * thread waited for a core, so the load average is printed with the figures.
 *
 *   node bench/run-trace.ts [--no-build] [--runs N] [--rest MS] [--out trace.json]
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { chromium, type Page } from "playwright";
import { median } from "./median.ts";
import { startPreview } from "./preview-server.ts";

const PORT = Number(process.env.PREVIEW_PORT ?? 4398);
const BASE = process.env.BASE_PATH ?? "/";
const CHAPTER = `http://127.0.0.1:${PORT}${BASE}chapters/why-async/`;
const ID = "hello-gather";
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg("--runs") ?? 5);
const OUT = arg("--out");
/** Milliseconds between a run's end and the next Run (0: at once, as bench/page.ts's third). */
const REST = Number(arg("--rest") ?? 0);
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "toplevel",
  "blink",
  "mojom",
];

/** Clicks Run (marks `run:click` and `run:line` for the trace); resolves once the run ended. */
function run(page: Page): Promise<number> {
  return page.evaluate(async (id) => {
    const ex = document.querySelector(`section[data-example="${id}"]`)!;
    const out = ex.querySelector("[data-output]")!;
    const line = new Promise<number>((resolve) => {
      const obs = new MutationObserver(() => {
        if (!out.querySelector(".out-line")) return;
        obs.disconnect();
        performance.mark("run:line");
        resolve(performance.now());
      });
      obs.observe(out, { childList: true, subtree: true });
    });
    performance.mark("run:click");
    const t0 = performance.now();
    ex.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
    const t1 = await line;
    await new Promise<void>((r) => {
      const poll = () => (out.querySelector(".out-status") ? r() : setTimeout(poll, 5));
      poll();
    });
    return t1 - t0;
  }, ID);
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string } };
}

/** Per Run: ms after the click of each hop (NaN where the trace has no such event). */
function hops(events: TraceEvent[]): number[][] {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name")
      threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const thread = (e: TraceEvent) => threads.get(`${e.pid}:${e.tid}`) ?? "";
  const marks = (name: string) =>
    events
      .filter((e) => e.name === name && e.cat?.includes("user_timing"))
      .sort((a, b) => a.ts - b.ts);
  const clicks = marks("run:click");
  const lines = marks("run:line");
  const page = clicks[0]?.pid;
  return clicks.map((click, i) => {
    const t0 = click.ts;
    const t1 = lines[i]?.ts ?? Number.POSITIVE_INFINITY;
    const within = events.filter((e) => e.ph === "X" && e.ts >= t0 && e.ts <= t1);
    const frame = within.find(
      (e) =>
        e.pid !== page &&
        e.name === "FunctionCall" &&
        e.args?.data?.functionName === "onHostMessage",
    );
    const worker = within.find(
      (e) =>
        e.ts > (frame?.ts ?? t0) &&
        thread(e).startsWith("DedicatedWorker") &&
        e.name === "MessagePort::Accept",
    );
    const post = within.find(
      (e) =>
        worker !== undefined &&
        e.tid === worker.tid &&
        e.ts > worker.ts &&
        e.name === "SerializedScriptValueFactory::create",
    );
    const relay = within
      .filter(
        (e) => e.pid === page && thread(e) === "CrRendererMain" && e.name === "MessagePort::Accept",
      )
      .pop();
    return [frame, worker, post, relay, lines[i]].map((e) => (e ? (e.ts - t0) / 1000 : Number.NaN));
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const server = await startPreview(PORT, CHAPTER);
try {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage();
  await page.goto(CHAPTER);
  const ex = page.locator(`section[data-example="${ID}"]`);
  await ex.locator("[data-speed]").selectOption("instant");
  await ex.getByRole("button", { name: "Run", exact: true }).hover();
  await page.waitForTimeout(300);
  const loadBefore = load();
  await browser.startTracing(page, { categories: CATEGORIES });
  const measured: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    if (i > 0 && REST > 0) await page.waitForTimeout(REST);
    measured.push(await run(page));
  }
  const trace = await browser.stopTracing();
  await browser.close();
  if (OUT) writeFileSync(OUT, trace);
  const parsed = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const rows = hops(Array.isArray(parsed) ? parsed : parsed.traceEvents);
  const f = (x: number | undefined) =>
    x === undefined || Number.isNaN(x) ? "  -  " : x.toFixed(1).padStart(5);
  console.log(`load average ${loadBefore} before, ${load()} after (1, 5, 15 min)`);
  console.log(`${"ms after the click".padEnd(20)}frame worker  post  page  line`);
  for (const [i, r] of rows.entries()) {
    const label = i === 0 ? "first Run (rested)" : `second Run #${i}`;
    console.log(`${label.padEnd(20)}${r.map(f).join(" ")}`);
  }
  const later = rows.slice(1);
  const step = (k: number) =>
    median(later.map((r) => (k === 0 ? (r[0] ?? NaN) : (r[k] ?? NaN) - (r[k - 1] ?? NaN))));
  console.log(
    `second Runs, median hop: click→frame ${f(step(0))}, →worker ${f(step(1))}, →first post ${f(step(2))}, →page ${f(step(3))}, →line ${f(step(4))}; click→line ${f(median(measured.slice(1)))} ms (traced, so slower than bench/page.ts)`,
  );
} finally {
  server.stop();
}
