import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const SITE: Record<string, string[]> = {
  // the simulated site: each page and its links
  "/": ["/docs", "/blog", "/about"],
  "/docs": ["/docs/start", "/docs/api", "/"],
  "/blog": ["/blog/1", "/blog/2", "/"],
  "/about": ["/", "/team"],
  "/docs/start": ["/docs/api"],
  "/docs/api": ["/docs/start", "/docs/old"],
  "/blog/1": ["/blog/2"],
  "/blog/2": ["/blog/1", "/blog/3"],
  "/blog/3": ["/"],
  "/team": ["/about"],
};

async function page(request: web.Request) {
  const links = SITE[request.path];
  if (links === undefined) throw new web.HTTPNotFound();
  await asyncio.sleep(0.1); // the server renders it
  const html = links.map((u) => `<a href="${u}">${u}</a>\n`).join("");
  return new web.Response({
    text: html,
    contentType: "text/html",
  });
}

async function serveSite() {
  const app = new web.Application();
  app.router.addGet("/{path:.*}", page);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "site.test", 80).start();
  return runner;
}

function linksIn(base: string, html: string) {
  const hrefs = html.matchAll(/href="([^"]+)"/g);
  return [...hrefs].map((m) => new URL(m[1]!, base).href);
}

const [MAX_DEPTH, WORKERS] = [3, 3];
type Job = [url: string, depth: number];

async function worker(
  session: aiohttp.ClientSession,
  queue: asyncio.Queue<Job>,
  seen: Set<string>,
) {
  while (true) {
    const [url, depth] = await queue.get(); // idle: waits here
    const path = new URL(url).pathname;
    try {
      await using resp = await session.get(url, { raiseForStatus: true });
      const html = await resp.text();
      print(`${resp.status} ${path} (depth ${depth})`);
      if (depth === MAX_DEPTH) continue;
      for (const link of linksIn(url, html)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.putNowait([link, depth + 1]);
        }
      }
    } catch (e) {
      // this page failed, the worker goes on; a cancellation still stops it
      if (e instanceof asyncio.CancelledError) throw e;
      print(`failed ${path}: ${(e as Error).name}`);
    } finally {
      queue.taskDone();
    }
  }
}

async function main() {
  const runner = await serveSite();
  const queue = new asyncio.Queue<Job>();
  const seen = new Set(["http://site.test/"]);
  queue.putNowait(["http://site.test/", 0]);
  {
    await using session = new aiohttp.ClientSession();
    const workers = [];
    for (let i = 1; i <= WORKERS; i++) {
      workers.push(
        asyncio.createTask(() => worker(session, queue, seen), {
          name: `worker-${i}`,
        }),
      );
    }
    await queue.join();
    for (const w of workers) w.cancel();
  }
  print(`${seen.size} URLs seen`);
  await runner.cleanup();
}

asyncio.run(main);
