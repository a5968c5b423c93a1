/**
 * Run Python benchmark (issue 15): prints what the real Python in the page costs.
 *
 *   node bench/pyodide.ts [--no-build] [--runs N]   (BASE_PATH as the build's, e.g. /asyncio-live/)
 *
 * Figures, median of N (default 5) fresh browser contexts; on every page the pointer first
 * rests on the example for a second after the load, as a reader's would:
 * - bytes of Pyodide a chapter page fetches before Run Python is pressed (goal 0), and the bytes
 *   the first Run Python transfers (as served: compressed where the server compresses);
 * - Run Python → first output line: cold (first time on the site, empty HTTP cache; goal ≤ 3 s),
 *   on a second page (HTTP cache warm; goal ≤ 1 s), and a second run on the same page
 *   (goal ≤ 100 ms). Each of the last two also as a reader does it: on a later page with the
 *   pointer resting 300 ms on Run Python before the press (Python boots from the service
 *   worker's copies meanwhile), and a second run 1 s after the first ended (the next
 *   interpreter boots once the first run's first line is drawn).
 * Wall times are measurements printed for people, never assertions, with the load average.
 *
 * The site's service worker runs as it does for a reader (registered once the first page is
 * idle; Pyodide's files, fetched after, are kept and served from its cache on later pages:
 * the line "from the service worker" says how many were). `--no-sw` blocks it, so a second
 * page gets them from the HTTP cache, as the host's headers allow (`astro preview` answers
 * `no-cache`: each file is revalidated).
 */
import { loadavg } from "node:os";
import { chromium, type Page } from "playwright";
import { clickToFirstLine } from "./first-line.ts";
import { median } from "./median.ts";
import { startPreview } from "./preview-server.ts";

const PORT = Number(process.env.PREVIEW_PORT ?? 4399);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BASE = process.env.BASE_PATH ?? "/";
const FIRST = { url: `${ORIGIN}${BASE}chapters/why-async/`, id: "hello-gather" };
const SECOND = { url: `${ORIGIN}${BASE}chapters/tasks-and-futures/`, id: "task-names" };
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const NO_SW = process.argv.includes("--no-sw");

const isPyodide = (url: string) =>
  url.includes("/sandbox/pyodide/") || url.includes("python-worker.js");

/**
 * Clicks Run Python (at Instant) and resolves with ms until the first output line shows; with
 * `rest`, the pointer rests that long on Run Python first, as a reader's hand does before a
 * press (a later page boots Python from the service worker's copies meanwhile).
 */
async function runPythonToFirstLine(page: Page, id: string, rest = 0): Promise<number> {
  const ex = page.locator(`section[data-example="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  await ex.getByLabel("Speed").selectOption("instant");
  if (rest > 0) {
    await ex.getByRole("button", { name: "Run Python" }).hover();
    await page.waitForTimeout(rest);
  }
  return clickToFirstLine(page, id, "run-python");
}

/**
 * A reader on a page that just loaded: points at the example and reads for a second before
 * pressing anything (every page of the bench, so that a figure is the press's, not the load's).
 */
async function arrive(page: Page, id: string): Promise<void> {
  await page.locator(`section[data-example="${id}"]`).hover();
  await page.waitForTimeout(1000);
}

/** How long a reader's pointer rests on Run Python before the press, and reads an output. */
const REST_MS = 300;
const READ_MS = 1000;

const ms = (n: number) => `${n.toFixed(0)} ms`;

const server = await startPreview(PORT, FIRST.url);
const loadAtStart = loadavg()[0]!.toFixed(2);
try {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const cold: number[] = [];
  const secondPage: number[] = [];
  const secondRun: number[] = [];
  const secondRunRead: number[] = [];
  const secondPageRested: number[] = [];
  let before = -1;
  let transferred = 0;
  /** Pyodide's files a second page got, and how many of them its service worker answered. */
  let secondFiles = 0;
  let fromWorker = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: NO_SW ? "block" : "allow" });
    const sizes: Promise<number>[] = [];
    context.on("requestfinished", (request) => {
      if (isPyodide(request.url()))
        sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    const page = await context.newPage();
    await page.goto(FIRST.url);
    // Read and point at the example as a reader would; then count what Pyodide sent so far.
    await arrive(page, FIRST.id);
    if (i === 0) before = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    cold.push(await runPythonToFirstLine(page, FIRST.id));
    secondRun.push(await runPythonToFirstLine(page, FIRST.id));
    await page.waitForTimeout(READ_MS);
    secondRunRead.push(await runPythonToFirstLine(page, FIRST.id));
    if (i === 0) transferred = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    const next = await context.newPage();
    next.on("response", (response) => {
      if (i !== 0 || !isPyodide(response.url())) return;
      secondFiles++;
      if (response.fromServiceWorker()) fromWorker++;
    });
    await next.goto(SECOND.url);
    await arrive(next, SECOND.id);
    secondPage.push(await runPythonToFirstLine(next, SECOND.id));
    await next.close();
    const rested = await context.newPage();
    await rested.goto(SECOND.url);
    await arrive(rested, SECOND.id);
    secondPageRested.push(await runPythonToFirstLine(rested, SECOND.id, REST_MS));
    await context.close();
  }
  await browser.close();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  const manifest = (await (
    await fetch(`${ORIGIN}${BASE}sandbox/pyodide/manifest.json`)
  ).json()) as {
    pyodide: string;
    python: string;
  };
  console.log(
    `Run Python (Pyodide ${manifest.pyodide}, Python ${manifest.python}), median of ${RUNS}, load average ${loadAtStart} at the start, ${load} at the end${NO_SW ? ", service worker blocked" : ""}:`,
  );
  console.log(
    `  second page: ${fromWorker} of ${secondFiles} Pyodide files from the service worker`,
  );
  console.log(`  Pyodide bytes before Run Python: ${before} (goal 0)`);
  console.log(`  bytes the first Run Python transfers: ${(transferred / 1e6).toFixed(2)} MB`);
  console.log(
    `  Run Python → first line, cold:        ${ms(median(cold))} (goal ≤ 3 s)  [${cold.map(ms).join(", ")}]`,
  );
  console.log(
    `  Run Python → first line, second page: ${ms(median(secondPage))} (goal ≤ 1 s)  [${secondPage.map(ms).join(", ")}]`,
  );
  console.log(
    `    the same, pointer rested ${REST_MS} ms on Run Python: ${ms(median(secondPageRested))}  [${secondPageRested.map(ms).join(", ")}]`,
  );
  console.log(
    `  Run Python → first line, second run:  ${ms(median(secondRun))} (goal ≤ 100 ms)  [${secondRun.map(ms).join(", ")}]`,
  );
  console.log(
    `    the same, ${READ_MS} ms after the first ended: ${ms(median(secondRunRead))}  [${secondRunRead.map(ms).join(", ")}]`,
  );
} finally {
  server.stop();
}
