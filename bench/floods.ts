/**
 * Flood benchmark (issue 18): how the page's main thread fares while reader code floods it,
 * with the issue's full-size programs (the e2e tests use floods just past each budget).
 *
 *   node bench/floods.ts               build the site (npm run build), preview it, measure
 *   node bench/floods.ts --no-build    measure the existing dist/ (BASE_PATH as it was built)
 *   node bench/floods.ts --no-build sleep lines   only the cases whose name has one of these
 *                                                 (`quiet`: the nothing-running baseline)
 *   --runs N        each case N times, then the median of each figure
 *   --against DIR   A/B: serves DIR (another build's dist/, same BASE_PATH) as A and this
 *                   worktree's dist/ as B (both as a static host, on PREVIEW_PORT+50 and
 *                   PREVIEW_PORT), and alternates them run by run, so both meet the same load
 *
 * For each program, opened from a share link as someone else's code would be, on a page whose
 * compiler a first shared program has warmed (`floodPage`), and once the page's other threads
 * are quiet (the compiler's cost is the share link's, not the flood's): Run, and until the run's
 * status line shows:
 * - round trip: the longest `page.evaluate` from outside, polled every 100 ms (goal ≤ 200 ms);
 * - longest task on the page's main thread (the tab's main frame's renderer, as the e2e tests
 *   find it: tests/e2e/main-thread-trace.ts), from a Chromium trace: its CPU time (`tdur`) and
 *   wall time. On a shared machine the wall time is mostly waiting for a core; the CPU time is
 *   what the page itself spent, and what a fix changes (goal: ≤ 50 ms idle).
 * - where the run's CPU went (`thread-cpu.ts`): the page's main thread (its share of the run's
 *   wall time), the page's other threads (the compiler's worker and its WebAssembly, the type
 *   checker, V8's background compilers), and the other processes (the sandbox's, a lower bound).
 *   A round trip far longer than the longest task is the page's main thread waiting for a core
 *   that these (and the rest of the machine) hold.
 * Plus the baselines: the page polled for 5 s with nothing running (the round trip the machine
 * alone allows now), the same page running `print("hi")`, and the page's own load (share link
 * opened, nothing run). The load average is printed with every figure. Wall times here are
 * measurements printed for people, never assertions.
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright";
import { encodeShareHash } from "../src/playground/editor/share-link.ts";
import { mainThreadWork } from "../tests/e2e/main-thread-trace.ts";
import { median } from "./median.ts";
import { startPreview } from "./preview-server.ts";
import { staticHost } from "./static-host.ts";
import { threadCpu } from "./thread-cpu.ts";

const PORT = Number(process.env.PREVIEW_PORT ?? 4397);
const BASE = process.env.BASE_PATH ?? "/";
const CHAPTER = `http://127.0.0.1:${PORT}${BASE}chapters/why-async/`;
const ID = "hello-gather";
const H = 'import * as asyncio from "asyncio";\n';

const CASES: { name: string; speed: "1x" | "instant"; code: string }[] = [
  { name: "idle run: print one line", speed: "instant", code: 'print("hi");\n' },
  {
    name: "sleep(0) loop at 1x",
    speed: "1x",
    code: `${H}asyncio.run(async () => { for (;;) await asyncio.sleep(0); });\n`,
  },
  {
    name: "sleep(0) loop at Instant",
    speed: "instant",
    code: `${H}asyncio.run(async () => { for (;;) await asyncio.sleep(0); });\n`,
  },
  {
    name: "20,000 unhandled rejections",
    speed: "instant",
    code: `${H}for (let i = 0; i < 20000; i++) Promise.reject(new Error("r" + i));\nasyncio.run(() => asyncio.sleep(1));\n`,
  },
  {
    name: "20,000 callbacks that throw",
    speed: "instant",
    code: `${H}asyncio.run(async () => { const loop = asyncio.getRunningLoop(); for (let i = 0; i < 20000; i++) loop.callSoon(() => { throw new Error("cb" + i); }); await asyncio.sleep(1); });\n`,
  },
  {
    name: "print in a loop that never awaits",
    speed: "1x",
    code: `${H}asyncio.run(async () => { let i = 0; while (true) print("line", i++); });\n`,
  },
  {
    name: "100,000 lines at 1x",
    speed: "1x",
    code: 'for (let i = 0; i < 100000; i++) print("l", i);\n',
  },
  {
    name: "100,000 lines at Instant",
    speed: "instant",
    code: `${H}asyncio.run(async () => { for (let i = 0; i < 100000; i++) print("l", i); });\n`,
  },
  {
    name: "one line of 50,000,000 characters",
    speed: "instant",
    code: 'print("x".repeat(5e7));\n',
  },
  {
    name: "an exception of 20,000,000 characters",
    speed: "instant",
    code: `${H}asyncio.run(async () => { throw new Error("e".repeat(2e7)); });\n`,
  },
  {
    name: "20 MB of loop-error text",
    speed: "instant",
    code: `${H}asyncio.run(async () => { const loop = asyncio.getRunningLoop(); for (let i = 0; i < 20; i++) loop.callSoon(() => { throw new Error("m".repeat(1e6)); }); await asyncio.sleep(1); });\n`,
  },
  {
    name: "1,000,000 tasks at Instant",
    speed: "instant",
    code: `${H}asyncio.run(async () => { const ts = []; for (let i = 0; i < 1e6; i++) ts.push(asyncio.createTask(() => asyncio.sleep(1))); await asyncio.gather(...ts); });\n`,
  },
  {
    name: "50,000 forged messages",
    speed: "instant",
    code: 'for (let i = 0; i < 50000; i++) (globalThis as any).postMessage({ kind: "events", events: [{ type: "print", t: 0, task: null, name: null, text: "forged " + i }], dropped: 0 });\n',
  },
];

const CATEGORIES = ["disabled-by-default-devtools.timeline"];
const ms = (n: number) => n.toFixed(0);
const load = () => loadavg()[0]!.toFixed(1);

/** One site under test: its chapter URL and a label ("" when only one is measured). */
interface Site {
  label: string;
  chapter: string;
}

async function openShared(browser: Browser, site: Site, code: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${site.chapter}${encodeShareHash(ID, code)}`);
  const ex = page.locator(`section[data-example="${ID}"]`);
  await ex.scrollIntoViewIfNeeded();
  await page.locator(`section[data-example="${ID}"][data-awake]`).waitFor();
  return page;
}

/**
 * Waits until the share link's own work is over: the compiler ready, and the page's other
 * threads quiet (under 10% of a core for a second: V8's background compiles done). Says what
 * it waited for.
 */
async function quiet(browser: Browser, page: Page): Promise<void> {
  const started = Date.now();
  await page.locator(`section[data-example="${ID}"][data-compiler="ready"]`).waitFor({
    timeout: 120_000,
  });
  const ready = Date.now() - started;
  let other = 0;
  let spent = 0;
  for (let i = 0; i < 30; i++) {
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.waitForTimeout(1000);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    other = threadCpu(events).pageOther;
    spent += other;
    if (other < 100) break;
  }
  console.log(
    `  (before Run: compiler ready after ${ready} ms, the page's other threads quiet after ${Date.now() - started} ms, ${ms(spent)} ms of their CPU meanwhile; last second ${ms(other)} ms)`,
  );
}

interface Figures {
  roundTrip: number;
  longestCpu: number;
}

/**
 * The flood's page, its compiler warmed by a first Run of a harmless shared program on it, as
 * the e2e tests' shared pages are: V8 compiles the hot part of esbuild's WebAssembly to its top
 * tier as a first edit is compiled (1-3 s of CPU on the page's thread pool, traced at load 16),
 * the share link's cost, which would otherwise land on the flood. Then the flood's link is
 * opened on the same page (a hash change).
 */
async function floodPage(browser: Browser, site: Site, code: string): Promise<Page> {
  const page = await openShared(browser, site, 'print("warm");\n');
  const ex = page.locator(`section[data-example="${ID}"]`);
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await ex.locator(".out-status", { hasText: "Finished" }).waitFor({ timeout: 120_000 });
  await ex.getByRole("button", { name: "Reset" }).click();
  await page.locator(`section[data-example="${ID}"][data-edit-state="original"]`).waitFor();
  await page.evaluate(() => history.replaceState(null, "", location.pathname));
  await page.goto(`${site.chapter}${encodeShareHash(ID, code)}`);
  await page.locator(`section[data-example="${ID}"][data-edit-state="shared"]`).waitFor();
  return page;
}

async function measure(browser: Browser, site: Site, c: (typeof CASES)[number]): Promise<Figures> {
  const page = await floodPage(browser, site, c.code);
  const ex = page.locator(`section[data-example="${ID}"]`);
  await ex.locator("[data-speed]").selectOption(c.speed);
  await quiet(browser, page);
  await browser.startTracing(page, { categories: CATEGORIES });
  let worst = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const sent = Date.now();
      await page.evaluate(() => 0);
      worst = Math.max(worst, Date.now() - sent);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = Date.now();
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  const status = await ex.locator(".out-status").textContent({ timeout: 120_000 });
  const took = Date.now() - started;
  polling = false;
  await poll;
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const task = mainThreadWork(events);
  const cpu = threadCpu(events);
  const others = cpu.pageOtherByThread
    .slice(0, 3)
    .map(([name, n]) => `${name} ${ms(n)}`)
    .join(", ");
  console.log(
    `${site.label}${c.name}: round trip ${worst} ms; longest page task ${task.longestCpu.toFixed(0)} ms CPU (${task.longestWall.toFixed(0)} ms wall); ended in ${took} ms: "${status}" (load ${load()})\n` +
      `  CPU: page main thread ${ms(cpu.pageMain)} ms (${ms((100 * cpu.pageMain) / took)}% of the run), the page's other threads ${ms(cpu.pageOther)} ms (${others}), other processes ≥ ${ms(cpu.elsewhere)} ms`,
  );
  await page.close();
  return { roundTrip: worst, longestCpu: task.longestCpu };
}

/** The page awake, nothing running: the round trip the machine alone allows at this load. */
async function quietPage(browser: Browser, site: Site): Promise<void> {
  const page = await openShared(browser, site, 'print("hi");\n');
  await page.waitForTimeout(2000);
  let worst = 0;
  for (const end = Date.now() + 5000; Date.now() < end; ) {
    const sent = Date.now();
    await page.evaluate(() => 0);
    worst = Math.max(worst, Date.now() - sent);
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(
    `${site.label}nothing running, polled for 5 s: round trip ${worst} ms (load ${load()})`,
  );
  await page.close();
}

/** The page opened from a share link, nothing run: its own load (editor, highlighter, compiler). */
async function idleLoad(browser: Browser, site: Site): Promise<void> {
  const page = await browser.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(`${site.chapter}${encodeShareHash(ID, 'print("hi");\n')}`);
  await page.locator(`section[data-example="${ID}"][data-awake]`).waitFor();
  await page.waitForTimeout(3000);
  const task = mainThreadWork(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
  console.log(
    `${site.label}share-link page, load + 3 s, nothing run: longest page task ${task.longestCpu.toFixed(0)} ms CPU (${task.longestWall.toFixed(0)} ms wall) (load ${load()})`,
  );
  await page.close();
}

const args = process.argv.slice(2);
/** The value after `--name`, if given. */
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const RUNS = Math.max(1, Number(option("--runs") ?? 1));
const AGAINST = option("--against");
/** Options that take a value: neither they nor their values name cases. */
const VALUED = new Set(["--runs", "--against"]);
const only = args.filter((a, i) => !a.startsWith("--") && !VALUED.has(args[i - 1] ?? ""));

const servers: { stop(): void }[] = [];
const sites: Site[] = [];
if (AGAINST) {
  // A/B: the other build (A) and this worktree's dist/ (B), both as a static host serves them,
  // one case's runs alternating between them so that both meet the same load.
  for (const [label, root, port] of [
    ["A ", resolve(AGAINST), PORT + 50],
    ["B ", resolve("dist"), PORT],
  ] as const) {
    const origin = `http://127.0.0.1:${port}`;
    const server = staticHost(root, BASE, origin).listen(port, "127.0.0.1");
    servers.push({ stop: () => server.close() });
    sites.push({ label, chapter: `${origin}${BASE}chapters/why-async/` });
  }
} else {
  servers.push(await startPreview(PORT, CHAPTER));
  sites.push({ label: "", chapter: CHAPTER });
}
try {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  for (const site of sites) {
    if (only.length === 0) await idleLoad(browser, site);
    if (only.length === 0 || only.includes("quiet")) await quietPage(browser, site);
  }
  for (const c of CASES) {
    if (only.length > 0 && !only.some((o) => c.name.includes(o))) continue;
    const figures = new Map<Site, Figures[]>(sites.map((s) => [s, []]));
    for (let run = 0; run < RUNS; run++)
      for (const site of sites) figures.get(site)!.push(await measure(browser, site, c));
    if (RUNS > 1)
      for (const site of sites) {
        const f = figures.get(site)!;
        console.log(
          `${site.label}${c.name}, median of ${RUNS}: round trip ${ms(median(f.map((x) => x.roundTrip)))} ms (${f.map((x) => x.roundTrip).join(", ")}); longest page task ${ms(median(f.map((x) => x.longestCpu)))} ms CPU (${f.map((x) => ms(x.longestCpu)).join(", ")}) (load ${load()})`,
        );
      }
  }
  await browser.close();
} finally {
  for (const server of servers) server.stop();
}
