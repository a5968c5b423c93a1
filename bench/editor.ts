/**
 * Editor benchmark (issue #5): prints how fast editing feels on the built site.
 *
 *   node bench/editor.ts            build the site (npm run build), preview it, measure
 *   node bench/editor.ts --no-build  measure the existing dist/
 *   node bench/editor.ts --harness   measure bench/editor-harness instead of the site
 *
 * Figures (each from a fresh browser context, so caches are cold unless said):
 * - Edit click → editor shown, and → editor accepts typing (goal < 1 s cold);
 * - first keystroke → compiler ready;
 * - edited Run → first output, compiler cold (saved edit, reload, Run; goal < 1.5 s) and warm
 *   (Run again after a change; goal < 50 ms);
 * - bytes downloaded for editing, by part (editor core, TypeScript service, compiler).
 * Page and example: EDITOR_E2E_PAGE / EDITOR_E2E_EXAMPLE, else the first chapter with an <Example>.
 */
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright";

const args = new Set(process.argv.slice(2));
const harness = args.has("--harness");
const PORT = harness ? 4391 : 4399;
const BASE = harness ? "/" : (process.env.BASE_PATH ?? "/");
const UPSTREAM = `http://127.0.0.1:${PORT}`;
/** The browser talks to the counting proxy, one port up. */
const ORIGIN = `http://127.0.0.1:${PORT + 1}`;

function target(): { path: string; id: string } {
  if (harness) return { path: "", id: "hello" };
  const path = process.env.EDITOR_E2E_PAGE;
  const id = process.env.EDITOR_E2E_EXAMPLE;
  if (path && id) return { path, id };
  for (const f of readdirSync("content/chapters")
    .filter((n) => n.endsWith(".mdx"))
    .sort()) {
    const m = /<Example\s[^>]*id=["']([^"']+)["']/.exec(
      readFileSync(`content/chapters/${f}`, "utf8"),
    );
    if (m?.[1])
      return { path: `chapters/${f.replace(/\.mdx$/, "").replace(/^\d+-/, "")}/`, id: m[1] };
  }
  throw new Error("No chapter places an <Example> yet: nothing to measure.");
}

function startServer(): ChildProcess {
  if (harness) {
    if (!args.has("--no-build"))
      execSync("npx vite build -c bench/editor-harness/vite.config.ts", { stdio: "inherit" });
    return spawn(
      "npx",
      ["vite", "preview", "-c", "bench/editor-harness/vite.config.ts", "--host", "127.0.0.1"],
      { stdio: "ignore", detached: true },
    );
  }
  if (!args.has("--no-build"))
    execSync("npm run build", { stdio: "inherit", env: { ...process.env, BASE_PATH: BASE } });
  return spawn("npx", ["astro", "preview", "--port", String(PORT), "--host", "127.0.0.1"], {
    stdio: "ignore",
    detached: true,
    env: { ...process.env, BASE_PATH: BASE },
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server did not start at ${url}`);
}

const PARTS: [string, RegExp][] = [
  ["compiler (esbuild-wasm)", /esbuild|compiler/i],
  ["TypeScript service", /ts\.worker|tsMode|register-|typescriptServices|lib\./i],
  ["editor core (Monaco)", /./],
];

/**
 * A counting proxy in front of the preview server: every byte the browser fetches, from the
 * page or any worker (Monaco's, esbuild's), passes here, with its gzip size for comparison.
 */
function countingProxy(upstream: string, port: number) {
  const bytes = new Map<string, { raw: number; gzip: number }>();
  const server = createServer(async (req, res) => {
    const r = await fetch(upstream + (req.url ?? "/"), {
      headers: { "accept-encoding": "identity" },
    });
    const body = Buffer.from(await r.arrayBuffer());
    bytes.set(req.url ?? "/", { raw: body.length, gzip: gzipSync(body).length });
    const headers: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      if (k !== "content-encoding" && k !== "content-length" && k !== "transfer-encoding")
        headers[k] = v;
    });
    res.writeHead(r.status, headers).end(body);
  });
  server.listen(port, "127.0.0.1");
  return {
    close: () => server.close(),
    reset: () => bytes.clear(),
    byPart(): Map<string, { raw: number; gzip: number }> {
      const out = new Map<string, { raw: number; gzip: number }>();
      for (const [url, n] of bytes) {
        const part = PARTS.find(([, re]) => re.test(url))![0];
        const sum = out.get(part) ?? { raw: 0, gzip: 0 };
        out.set(part, { raw: sum.raw + n.raw, gzip: sum.gzip + n.gzip });
      }
      return out;
    },
  };
}

/**
 * Milliseconds, measured in the page, from the next trusted click or key press to the moment
 * each condition (a JS expression over `root`, the example's section) becomes true. Watching
 * starts before `act` runs, so no polling delay is counted. NaN: not true within 30 s.
 */
async function timeInPage<K extends string>(
  page: Page,
  conditions: Record<K, string>,
  act: () => Promise<void>,
): Promise<Record<K, number>> {
  await page.evaluate(
    ({ sel, conds }) => {
      const root = document.querySelector(sel) as HTMLElement;
      const checks = Object.entries(conds).map(
        ([k, c]) => [k, new Function("root", `return (${c});`) as (r: Element) => boolean] as const,
      );
      const w = window as unknown as { __bench?: Promise<Record<string, number>> };
      w.__bench = new Promise((resolve) => {
        let t0 = -1;
        const times: Record<string, number> = {};
        const start = () => {
          if (t0 < 0) t0 = performance.now();
        };
        for (const type of ["pointerdown", "click", "keydown"]) {
          document.addEventListener(type, start, { capture: true, once: true });
        }
        const check = () => {
          if (t0 < 0) return;
          for (const [k, f] of checks)
            if (!(k in times) && f(root)) times[k] = performance.now() - t0;
          if (Object.keys(times).length === checks.length) {
            obs.disconnect();
            resolve(times);
          }
        };
        const obs = new MutationObserver(check);
        obs.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        setTimeout(() => {
          obs.disconnect();
          console.error(`bench step timed out; t0=${t0}`, JSON.stringify(root.dataset));
          resolve(Object.fromEntries(checks.map(([k]) => [k, times[k] ?? Number.NaN])));
        }, 30_000);
      });
    },
    { sel: section, conds: conditions as Record<string, string> },
  );
  await act();
  return page.evaluate(
    () => (window as unknown as { __bench: Promise<Record<K, number>> }).__bench,
  );
}

const { path, id } = target();
const pageUrl = `${ORIGIN}${BASE}${path}`;
const section = `section[data-example="${id}"]`;
/** The example's output log shows the line the edited code printed. */
const LOG_HAS_BENCH2 =
  '[...root.querySelectorAll("[role=log]")].some((l) => l.textContent.includes("bench-2"))';
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

async function run(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    // 1. Cold (fresh context): Edit → editor shown → focused; first keystroke → compiler ready.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    page.on("pageerror", (e) => console.error("page error:", e.message));
    const counter = proxy;
    await page.goto(pageUrl, { waitUntil: "networkidle" });
    counter.reset();
    const w = page.locator(section);
    const open = await timeInPage(
      page,
      {
        shown: 'root.dataset.editing === "open"',
        // Monaco marks the editor `focused` when its input has the focus: typing goes in.
        typing: '!!root.querySelector("[data-editor-host] .monaco-editor.focused")',
      },
      () => w.getByRole("button", { name: "Edit", exact: true }).click(),
    );
    await page.keyboard.press("Control+Home");
    const first = await timeInPage(
      page,
      {
        edited: 'root.dataset.editState === "edited"',
        compiler: 'root.dataset.compiler === "ready"',
      },
      () => page.keyboard.press("Enter"),
    );
    await page.locator(`${section}[data-language-service="ready"]`).waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    const bytes = counter.byPart();

    // Warm: change, Run, first output.
    await page.keyboard.insertText('print("bench-2");');
    const warm = await timeInPage(page, { output: LOG_HAS_BENCH2 }, () =>
      w.getByRole("button", { name: "Run", exact: true }).click(),
    );
    const warmCompile = await page.evaluate(
      () => performance.getEntriesByName("editor:compile").at(-1)?.duration ?? Number.NaN,
    );
    // Warm again: the steady state (compiler and runner both warmed by the previous run).
    await w.locator("[data-editor-host] .monaco-editor").click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.insertText('print("bench-3");');
    const warm2 = await timeInPage(
      page,
      { output: LOG_HAS_BENCH2.replace("bench-2", "bench-3") },
      () => w.getByRole("button", { name: "Run", exact: true }).click(),
    );
    const warm2Compile = await page.evaluate(
      () => performance.getEntriesByName("editor:compile").at(-1)?.duration ?? Number.NaN,
    );
    // Let the debounced save happen before leaving.
    await page.waitForTimeout(600);
    await ctx.storageState({ path: "/tmp/editor-bench-state.json" });
    await ctx.close();

    // Cold compiler: a new context with the saved edit, reload, Run (no keystroke first).
    const ctx2 = await browser.newContext({ storageState: "/tmp/editor-bench-state.json" });
    const page2 = await ctx2.newPage();
    await page2.goto(pageUrl, { waitUntil: "networkidle" });
    const cold = await timeInPage(page2, { output: LOG_HAS_BENCH2 }, () =>
      page2.locator(section).getByRole("button", { name: "Run", exact: true }).click(),
    );
    await ctx2.close();

    const total = [...bytes.values()].reduce(
      (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }),
      {
        raw: 0,
        gzip: 0,
      },
    );
    const size = (n: { raw: number; gzip: number }) => `${kb(n.raw)} (gzip ${kb(n.gzip)})`;
    console.log(`\nEditor bench — ${pageUrl} (${id})`);
    console.log(`Edit → editor shown                 ${ms(open.shown)}`);
    console.log(`Edit → editor accepts typing        ${ms(open.typing)}   (goal < 1000 ms)`);
    console.log(`first keystroke → compiler ready    ${ms(first.compiler)}`);
    console.log(`edited Run → first output, cold     ${ms(cold.output)}   (goal < 1500 ms)`);
    console.log(`edited Run → first output, warm     ${ms(warm.output)}   (goal < 50 ms)`);
    console.log(`  of which compiling (esbuild-wasm) ${ms(warmCompile)}`);
    console.log(`edited Run → first output, 2nd warm ${ms(warm2.output)}`);
    console.log(`  of which compiling (esbuild-wasm) ${ms(warm2Compile)}`);
    console.log(`bytes downloaded for editing        ${size(total)}`);
    for (const [part, n] of bytes) console.log(`  ${part.padEnd(34)}${size(n)}`);
  } finally {
    await browser.close();
  }
}

const server = startServer();
const proxy = countingProxy(UPSTREAM, PORT + 1);
try {
  await waitForServer(`${UPSTREAM}${BASE}${path}`);
  await run();
} finally {
  proxy.close();
  // The server runs in its own process group (detached): end that group, which we started.
  if (server.pid) process.kill(-server.pid);
}
