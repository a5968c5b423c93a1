/**
 * Frame times of the live task timeline for 100, 1,000 and 10,000 tasks (10 events each),
 * drawn by the real TimelineView in real Chromium.
 *
 *   export PATH=/opt/node24/bin:$PATH && node bench/timeline.ts [tasks…]
 *
 * It bundles bench/timeline-page.ts with esbuild into a page served on 127.0.0.1, then for
 * each size measures requestAnimationFrame intervals while events stream in (small batches
 * every 4 ms for about 2 s, as a worker posts them), while a whole run arrives at once (the
 * Instant speed), and while scrolling through every lane on demand; then a dense case, two
 * lanes with thousands of events each (a producer and a consumer). An interval near 16.7 ms
 * is a smooth frame; "long" counts frames over 50 ms; "script" is the view's own work per
 * frame (the time its requestAnimationFrame callback ran).
 */

import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import type { FrameStats } from "./timeline-page.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const TASKS = sizes.length > 0 ? sizes : [100, 1_000, 10_000];

const bundle = await build({
  entryPoints: [`${root}bench/timeline-page.ts`],
  bundle: true,
  write: false,
  format: "esm",
  target: "es2022",
  minify: true,
});
const css = await readFile(`${root}src/playground/timeline/timeline.css`, "utf8");
const page = `<!doctype html><html lang="en" data-theme="light"><head><meta charset="utf-8">
<title>timeline bench</title><style>${css} body{font-family:system-ui;margin:16px}</style></head>
<body><div id="host" style="width:900px"></div><script type="module" src="/page.js"></script></body></html>`;
const js = bundle.outputFiles[0]!.text;

const server = createServer((req, res) => {
  if (req.url === "/page.js") {
    res.writeHead(200, { "content-type": "text/javascript" }).end(js);
  } else {
    res.writeHead(200, { "content-type": "text/html" }).end(page);
  }
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const { port } = server.address() as AddressInfo;

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
try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  tab.on("crash", () => console.error("the page crashed"));
  tab.on("pageerror", (e) => console.error("page error:", e));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => "bench" in window);
  const idle = (await tab.evaluate(() => window.bench.idle())).deltas;
  const idleMs = idle.reduce((a, b) => a + b, 0) / idle.length;
  console.log(`Chromium ${browser.version()}, idle frame interval ${idleMs.toFixed(1)} ms\n`);
  const f = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `${"tasks".padStart(7)} ${"scenario".padEnd(10)} ${"frames".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)} ${"long".padStart(5)} ${"script p95".padStart(10)} ${"script max".padStart(10)} ${"total ms".padStart(9)} ${"push ms".padStart(8)}`,
  );
  const row = (n: number, name: string, s: FrameStats) =>
    console.log(
      `${String(n).padStart(7)} ${name.padEnd(10)} ${String(s.frames).padStart(7)} ${f(s.p50)} ${f(s.p95)} ${f(s.max)} ${String(s.long).padStart(5)} ${f(s.scriptP95).padStart(10)} ${f(s.scriptMax).padStart(10)} ${s.totalMs.toFixed(0).padStart(9)} ${s.pushMs.toFixed(1).padStart(8)}`,
    );
  for (const n of TASKS) {
    row(n, "streamed", await tab.evaluate((n) => window.bench.streamed(n, 2), n));
    row(n, "instant", await tab.evaluate((n) => window.bench.instant(n), n));
    row(n, "all lanes", await tab.evaluate((n) => window.bench.allLanes(n), n));
  }
  console.log("\nproducer/consumer: 2 lanes, `items` queue items, ~5 events each, streamed");
  for (const n of sizes.length > 0 ? [] : [1_000, 10_000]) {
    row(n, "dense", await tab.evaluate((n) => window.bench.streamed(n, 2, true), n));
  }
} finally {
  await browser.close();
  server.close();
}
