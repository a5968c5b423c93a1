/**
 * Editor benchmark (issue 11): the four budgets of editing on the built site, each the median
 * of 5 cold page loads (a fresh browser context each: empty HTTP cache and compiled-code cache),
 * and the bytes each step downloads.
 *
 *   node bench/editor.ts            build the site (npm run build), serve it, measure
 *   node bench/editor.ts --no-build  measure the existing dist/
 *   RUNS=3 node bench/editor.ts      fewer (or more) cold loads
 *
 * The site is served from dist/ as a static host would: precompressed `.br`/`.gz` files when
 * the browser accepts them (`src/integrations/precompress.ts` writes them), `application/wasm`,
 * hashed `_astro/` assets cacheable for a year, pages revalidated. Bytes are counted on the wire.
 *
 * Budgets (idle 2-core machine): Edit → typing ≤ 1.0 s; first Run after an edit → first line
 * ≤ 1.5 s; a later Run after an edit ≤ 150 ms; a second page opens its editor ≤ 0.5 s.
 * Pages: BENCH_PAGE and BENCH_PAGE_2 (paths under the base), else two chapters with examples.
 */
import { execSync } from "node:child_process";
import { join } from "node:path";
import { chromium, type Page } from "playwright";
import { sent, staticHost } from "./static-host.ts";

const args = new Set(process.argv.slice(2));
const RUNS = Number(process.env.RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4398);
/** The base the site is built under: the e2e build's, so `--no-build` reuses `npm run test:build`. */
const BASE = process.env.BASE_PATH ?? "/asyncio-live/";
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGE_1 = process.env.BENCH_PAGE ?? "chapters/tasks-and-futures/";
const PAGE_2 = process.env.BENCH_PAGE_2 ?? "chapters/gather-vs-wait/";

const PARTS: [string, RegExp][] = [
  ["compiler (esbuild)", /esbuild|compiler/i],
  ["TypeScript service", /ts\.worker/i],
  ["highlighter (Shiki)", /code-highlighter|typescript\.|github-(light|dark)/i],
  ["editor (Monaco)", /monaco|editor\.worker|codicon/i],
  ["page and the rest", /./],
];

/** Bytes sent since the last call, by part. */
function takeBytes(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [url, n] of sent) {
    const part = PARTS.find(([, re]) => re.test(url))![0];
    out.set(part, (out.get(part) ?? 0) + n);
  }
  sent.clear();
  return out;
}

/**
 * Milliseconds, measured in the page, from the next trusted click or key press to the moment
 * `condition` (a JS expression over `root`, the example's section) becomes true. Watching starts
 * before `act` runs, so no polling delay is counted. NaN: not true within 120 s.
 */
async function timeInPage(
  page: Page,
  section: string,
  condition: string,
  act: () => Promise<void>,
): Promise<number> {
  await page.evaluate(
    ({ sel, cond }) => {
      const root = document.querySelector(sel) as HTMLElement;
      const check = new Function("root", `return (${cond});`) as (r: Element) => boolean;
      const w = window as unknown as { __bench?: Promise<number>; __trail?: string };
      w.__bench = new Promise((resolve) => {
        let t0 = -1;
        const start = () => {
          if (t0 < 0) t0 = performance.now();
        };
        for (const type of ["pointerdown", "click", "keydown"])
          document.addEventListener(type, start, { capture: true, once: true });
        // The widget's own states on the way (data-run-state, data-editing), for BENCH_TRAIL.
        const trail: string[] = [];
        let last = "";
        const obs = new MutationObserver(() => {
          if (t0 < 0) return;
          const state = `${root.dataset["editing"] ?? "-"}/${root.dataset["runState"] ?? "-"}`;
          if (state !== last) {
            last = state;
            trail.push(`${state}@${Math.round(performance.now() - t0)}`);
          }
          if (check(root)) {
            obs.disconnect();
            w.__trail = trail.join(" ");
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        setTimeout(() => {
          obs.disconnect();
          resolve(Number.NaN);
        }, 120_000);
      });
    },
    { sel: section, cond: condition },
  );
  await act();
  const took = await page.evaluate(
    () => (window as unknown as { __bench: Promise<number> }).__bench,
  );
  if (process.env.BENCH_TRAIL) {
    const trail = await page.evaluate(() => (window as unknown as { __trail?: string }).__trail);
    process.stderr.write(`    ${Math.round(took)} ms: ${trail ?? ""}\n`);
  }
  return took;
}

/**
 * The page has loaded and the browser is idle: what a reader sees before they act. Not
 * `networkidle`, which the prewarmed sandbox frame can keep from ever coming.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
}

const TYPING = '!!root.querySelector("[data-editor-host] .monaco-editor.focused")';
const printed = (marker: string) =>
  `[...root.querySelectorAll("[role=log]")].some((l) => l.textContent.includes(${JSON.stringify(marker)}))`;

interface Sample {
  editToTyping: number;
  firstRun: number;
  laterRun: number;
  secondPage: number;
  bytes: Record<string, Map<string, number>>;
}

async function firstExample(page: Page): Promise<string> {
  const id = await page.locator("section[data-example]").first().getAttribute("data-example");
  if (!id) throw new Error(`${page.url()} has no example`);
  return `section[data-example="${id}"]`;
}

/** One cold load: a fresh context (empty caches), the four steps, the bytes of each. */
async function sample(browser: import("playwright").Browser): Promise<Sample> {
  const context = await browser.newContext();
  // A busy machine can hold the page's main thread for many seconds (the 4 MB editor chunk).
  context.setDefaultTimeout(180_000);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      console.error(`console ${m.type()}:`, m.text());
  });
  try {
    await page.goto(`${ORIGIN}${BASE}${PAGE_1}`);
    const section = await firstExample(page);
    await page.locator(`${section}[data-awake]`).waitFor();
    await settled(page);
    takeBytes();
    const w = page.locator(section);
    const editToTyping = await timeInPage(page, section, TYPING, () =>
      w.getByRole("button", { name: "Edit", exact: true }).click(),
    );
    // The reader types at once and runs: the compiler may still be on its way.
    await page.keyboard.press("Control+Home");
    await page.keyboard.insertText('print("bench-1");\n');
    const firstRun = await timeInPage(page, section, printed("bench-1"), () =>
      w.getByRole("button", { name: "Run", exact: true }).click(),
    );
    await page.locator(`${section}[data-compiler="ready"]`).waitFor({ timeout: 120_000 });
    await page.locator(`${section}[data-language-service="ready"]`).waitFor({ timeout: 120_000 });
    await settled(page);
    const editBytes = takeBytes();

    await w.locator("[data-editor-host] .monaco-editor").click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.insertText('print("bench-2");\n');
    const laterRun = await timeInPage(page, section, printed("bench-2"), () =>
      w.getByRole("button", { name: "Run", exact: true }).click(),
    );
    takeBytes();

    // A second page of the site, in the same browser: HTTP cache and compiled-code cache.
    await page.goto(`${ORIGIN}${BASE}${PAGE_2}`);
    const section2 = await firstExample(page);
    await page.locator(`${section2}[data-awake]`).waitFor();
    await settled(page);
    takeBytes();
    const secondPage = await timeInPage(page, section2, TYPING, () =>
      page.locator(section2).getByRole("button", { name: "Edit", exact: true }).click(),
    );
    // Everything Edit fetches on this page: the editor, its language service, the compiler.
    await page.locator(`${section2}[data-language-service="ready"]`).waitFor();
    await page.locator(`${section2}[data-compiler="ready"]`).waitFor();
    const secondBytes = takeBytes();
    return {
      editToTyping,
      firstRun,
      laterRun,
      secondPage,
      bytes: { "Edit (first page)": editBytes, "Edit (second page)": secondBytes },
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => (Number.isNaN(n) ? "timed out" : `${Math.round(n)} ms`);
const kb = (n: number) => `${Math.round(n / 1024)} KiB`;

async function main(): Promise<void> {
  if (!args.has("--no-build"))
    execSync("npm run build", { stdio: "inherit", env: { ...process.env, BASE_PATH: BASE } });
  const server = staticHost(join(process.cwd(), "dist"), BASE, ORIGIN).listen(PORT, "127.0.0.1");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = await sample(browser);
      samples.push(s);
      const figures = [s.editToTyping, s.firstRun, s.laterRun, s.secondPage].map(ms).join(", ");
      process.stderr.write(`  load ${i + 1}/${RUNS}: ${figures}\n`);
    }
    const row = (label: string, key: keyof Omit<Sample, "bytes">, budget: number) => {
      const values = samples.map((s) => s[key]);
      const m = median(values);
      const verdict = m <= budget ? "within" : "OVER";
      console.log(
        `${label.padEnd(40)}${ms(m).padStart(10)}   budget ${budget} ms: ${verdict}   (${values.map(ms).join(", ")})`,
      );
    };
    console.log(
      `\nEditor bench: ${ORIGIN}${BASE}${PAGE_1} then ${PAGE_2}; median of ${RUNS} cold loads`,
    );
    row("Edit → editor accepts typing", "editToTyping", 1000);
    row("first Run after an edit → first line", "firstRun", 1500);
    row("later Run after an edit → first line", "laterRun", 150);
    row("second page: Edit → typing", "secondPage", 500);
    const last = samples.at(-1)!;
    for (const [step, parts] of Object.entries(last.bytes)) {
      const total = [...parts.values()].reduce((a, b) => a + b, 0);
      console.log(`bytes on the wire, ${step}: ${kb(total)}`);
      for (const [part, n] of parts) console.log(`  ${part.padEnd(38)}${kb(n)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
