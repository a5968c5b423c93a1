/**
 * Where the time of one editing step goes, on the built site: a CPU profile of the page's main
 * thread (Chrome DevTools Protocol `Profiler`) from Edit until the editor accepts typing, and the
 * resource timings of what the step fetched. Prints the functions and scripts that took the most
 * self time, and when each download started and ended. A tool for finding work to cut, next to
 * `editor.ts`, which gives the figures against the budgets.
 *
 *   node bench/editor-profile.ts            (needs `npm run test:build`; serves dist/ itself)
 *   STEP=second node bench/editor-profile.ts   the Edit of a second page (warm HTTP cache)
 *   STEP=firstrun … the first Run after an edit, typed as soon as the editor accepts typing
 *   STEP=run …      a later Run after an edit (compiler and language service warm)
 *   WASM=1 …        what V8 did with esbuild's wasm (compile or code cache) in the step
 *   PROFILE=1 …   also a sampling CPU profile (by function; it slows the page itself)
 */
import { join } from "node:path";
import { chromium } from "playwright";
import { staticHost } from "./static-host.ts";

const PORT = Number(process.env.BENCH_PORT ?? 4399);
const BASE = process.env.BASE_PATH ?? "/asyncio-live/";
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGE_1 = process.env.BENCH_PAGE ?? "chapters/tasks-and-futures/";
const PAGE_2 = process.env.BENCH_PAGE_2 ?? "chapters/gather-vs-wait/";
const STEP = process.env.STEP ?? "first";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) by function and by script, from a V8 CPU profile. */
function selfTimes(profile: Profile): { fns: Map<string, number>; urls: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map<string, number>();
  const urls = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split("/").pop() || "(native)";
    const fn = `${frame.functionName || "(anonymous)"}  ${file}:${frame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
    urls.set(file, (urls.get(file) ?? 0) + ms);
  });
  return { fns, urls };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Time of the renderer's main thread by the name of its outermost trace events (a task's
 * children are counted in it, not again): style, layout, script compiling, running, parsing.
 */
function mainThreadTime(events: TraceEvent[]): Map<string, number> {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const out = new Map<string, number>();
  if (!main) return out;
  const complete = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur)
    .sort((a, b) => a.ts - b.ts);
  // Children of a RunTask: the level below the task, where the work has a name.
  const tasks = complete.filter(
    (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask",
  );
  let ti = 0;
  let lastEnd = 0;
  for (const e of complete) {
    if (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") continue;
    while (ti < tasks.length && tasks[ti]!.ts + tasks[ti]!.dur! < e.ts) ti++;
    if (e.ts < lastEnd) continue; // inside an event already counted
    lastEnd = e.ts + e.dur!;
    out.set(e.name, (out.get(e.name) ?? 0) + e.dur! / 1000);
  }
  return out;
}

const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

async function main(): Promise<void> {
  const server = staticHost(join(process.cwd(), "dist"), BASE, ORIGIN).listen(PORT, "127.0.0.1");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(180_000);
    const page = await context.newPage();
    if (STEP === "second") {
      // The first page's editor and compiler, so the second finds them in the caches.
      await page.goto(`${ORIGIN}${BASE}${PAGE_1}`);
      const s = page.locator("section[data-example]").first();
      await s.getByRole("button", { name: "Edit", exact: true }).click();
      await page.locator("section[data-example][data-compiler=ready]").first().waitFor();
      await page.locator("section[data-example][data-language-service=ready]").first().waitFor();
    }
    await page.goto(`${ORIGIN}${BASE}${STEP === "second" ? PAGE_2 : PAGE_1}`);
    const section = page.locator("section[data-example]").first();
    await page.locator("section[data-example][data-awake]").first().waitFor();
    await page.waitForLoadState("load");
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
    const editButton = section.getByRole("button", { name: "Edit", exact: true });
    const runButton = section.getByRole("button", { name: "Run", exact: true });
    if (STEP === "run") {
      // A later Run: the editor open, the compiler and the language service ready, an edit.
      await editButton.click();
      await page.locator("section[data-example][data-compiler=ready]").first().waitFor();
      await page.locator("section[data-example][data-language-service=ready]").first().waitFor();
      await page.keyboard.press("Control+Home");
      await page.keyboard.insertText('print("profile-1");\n');
      await runButton.click();
      await section.getByRole("log").filter({ hasText: "profile-1" }).waitFor();
      await section.locator("[data-editor-host] .monaco-editor").click();
      await page.keyboard.press("Control+Home");
      await page.keyboard.insertText('print("profile-2");\n');
    }
    if (STEP === "firstrun") {
      // The first Run: Edit, type at once, then Run (as bench/editor.ts does).
      await editButton.click();
      await section.locator("[data-editor-host] .monaco-editor.focused").waitFor();
      await page.keyboard.press("Control+Home");
      await page.keyboard.insertText('print("profile-2");\n');
    }
    await page.evaluate(() => performance.clearResourceTimings());
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "v8", "disabled-by-default-devtools.timeline"],
    });
    const cdp = await context.newCDPSession(page);
    // The sampling profiler costs the page time of its own: only when asked.
    const sampling = Boolean(process.env.PROFILE);
    if (sampling) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    const t0 = Date.now();
    if (STEP === "run" || STEP === "firstrun") {
      await runButton.click();
      await section.getByRole("log").filter({ hasText: "profile-2" }).waitFor();
    } else {
      await editButton.click();
      await section.locator("[data-editor-host] .monaco-editor.focused").waitFor();
    }
    const took = Date.now() - t0;
    const profile = sampling
      ? ((await cdp.send("Profiler.stop")) as { profile: Profile }).profile
      : null;
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    const resources = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => {
        const r = e as PerformanceResourceTiming;
        return {
          name: r.name.split("/").pop() ?? r.name,
          start: Math.round(r.startTime),
          end: Math.round(r.responseEnd),
          bytes: r.transferSize,
        };
      }),
    );
    const origin = await page.evaluate(() => performance.now());
    const what =
      STEP === "run"
        ? "later Run → first line"
        : STEP === "firstrun"
          ? "first Run → first line"
          : `Edit → typing (${STEP} page)`;
    console.log(`${what}: ${took} ms, as Playwright saw it`);
    const measures = await page.evaluate(() =>
      performance.getEntriesByType("measure").map((m) => `${m.name} ${Math.round(m.duration)} ms`),
    );
    if (measures.length > 0) console.log(`measures: ${measures.join(", ")}`);
    if (profile) {
      const { fns, urls } = selfTimes(profile);
      console.log("\nmain thread self time by script (ms):");
      for (const [u, ms] of top(urls, 12)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${u}`);
      console.log("\nby function (ms):");
      for (const [f, ms] of top(fns, 25)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${f}`);
    }
    console.log("\nmain thread by trace event, outermost only (ms):");
    for (const [name, ms] of top(mainThreadTime(trace.traceEvents), 15))
      console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
    if (process.env.WASM) {
      // What V8 did with esbuild's WebAssembly (compiled, or taken from the code cache).
      const names = new Map<string, number>();
      for (const e of trace.traceEvents)
        if (/wasm/i.test(e.name)) names.set(e.name, (names.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      for (const [name, ms] of names) console.log(`  wasm: ${name} ${ms.toFixed(0)} ms`);
    }
    if (process.env.LONG) {
      console.log("\nlong main-thread events (ms since the trace's start, duration):");
      const t = trace.traceEvents;
      const main = t.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
      const first = Math.min(...t.filter((e) => e.ts > 0).map((e) => e.ts));
      for (const e of t) {
        const data = (e.args as { data?: { url?: string } } | undefined)?.data;
        if (e.name === "ResourceSendRequest" || e.name === "ResourceFinish")
          console.log(
            `  ${((e.ts - first) / 1000).toFixed(0).padStart(6)}        ${e.name === "ResourceFinish" ? "done" : "fetch"} ${data?.url?.split("/").pop() ?? ""}`,
          );
        if (
          main &&
          e.pid === main.pid &&
          e.tid === main.tid &&
          e.ph === "X" &&
          (e.dur ?? 0) > 15000
        )
          console.log(
            `  ${((e.ts - first) / 1000).toFixed(0).padStart(6)} +${((e.dur ?? 0) / 1000).toFixed(0).padStart(4)}  ${e.name} ${(e.args as { data?: { url?: string } } | undefined)?.data?.url?.split("/").pop() ?? ""} ${JSON.stringify(e.args).slice(0, 120)}`,
          );
      }
    }
    console.log(`\nfetched (ms since the page's start; now ${Math.round(origin)}):`);
    for (const r of resources.sort((a, b) => a.start - b.start))
      console.log(
        `  ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)}  ${r.bytes} B  ${r.name}`,
      );
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
